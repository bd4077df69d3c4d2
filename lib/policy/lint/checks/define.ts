import type { PolicyKind } from "../../types";
import type { Check, FindingKind, Hit, LintContext } from "../types";

const AA = "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html";
const TYPE_WORDS: Record<FindingKind, string> = {
  ERROR: "error",
  SECURITY_WARNING: "security-warning",
  WARNING: "general-warning",
  SUGGESTION: "suggestion",
};

/** Access Analyzer's page for one of its checks (its anchors are the finding type and the check's title). */
export const accessAnalyzerUrl = (kind: FindingKind, title: string) =>
  `${AA}#access-analyzer-reference-policy-checks-${TYPE_WORDS[kind]}-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;

export const IAM_GUIDE = "https://docs.aws.amazon.com/IAM/latest/UserGuide";

type Options = { kinds?: readonly PolicyKind[]; learnMoreUrl?: string; accessAnalyzer?: string };

/** A check of one family; `accessAnalyzer` names the Access Analyzer check it is (its title) for the learn-more link. */
export function check(family: string, code: string, kind: FindingKind, run: (ctx: LintContext) => Hit[], options: Options = {}): Check {
  const learnMoreUrl = options.accessAnalyzer ? accessAnalyzerUrl(kind, options.accessAnalyzer) : options.learnMoreUrl;
  return { family, code, kind, run, ...(options.kinds ? { kinds: options.kinds } : {}), ...(learnMoreUrl ? { learnMoreUrl } : {}) };
}

/** Levenshtein distance, giving up (returning max + 1) once it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length];
}

/** The candidate nearest to `word` (case-insensitively) within a distance that grows with its length. */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  const max = Math.max(1, Math.min(3, Math.floor(w.length / 4)));
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase(), bestDistance - 1);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
