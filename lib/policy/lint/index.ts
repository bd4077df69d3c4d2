import { parseJson } from "../json";
import type { PolicyKind } from "../types";
import { lintContext } from "./context";
import { grammarFindings } from "./grammar";
import { CHECKS } from "./registry";
import { FINDING_KINDS, type PolicyFinding, type LintOptions } from "./types";

export type { FindingKind, LintOptions, PolicyFinding, PolicyQuota, QuickFix, TextEdit } from "./types";
export { FINDING_KINDS } from "./types";
export { applyEdits } from "./edits";
export { CHECKS } from "./registry";

const rank = (f: PolicyFinding) => FINDING_KINDS.indexOf(f.kind);

/**
 * Every finding for a policy: AWS's grammar errors (validatePolicy, what IAM or Organizations reject) first, then
 * the lint checks' errors, security warnings, warnings and suggestions, each in document order. A check whose
 * finding would sit on the very text a grammar error points at is left out: AWS's error says it first.
 */
export function lintPolicy(text: string, kind: PolicyKind, options: LintOptions = {}): PolicyFinding[] {
  const grammar = policyGrammarFindings(text, kind, options);
  return [...grammar, ...checkFindings(text, kind, options, grammar)];
}

/** AWS's grammar errors alone (what IAM or Organizations reject), as findings. */
export function policyGrammarFindings(text: string, kind: PolicyKind, options: LintOptions = {}): PolicyFinding[] {
  if (!text.trim()) return [];
  const parsed = parseJson(text);
  return grammarFindings(text, kind, options, parsed.ok ? parsed.value : undefined);
}

/** The lint checks' findings, leaving out those on text a grammar finding (from `policyGrammarFindings`) points at. */
export function checkFindings(text: string, kind: PolicyKind, options: LintOptions, grammar: readonly PolicyFinding[]): PolicyFinding[] {
  if (!text.trim()) return [];
  const parsed = parseJson(text);
  const root = parsed.ok ? parsed.value : undefined;
  if (root?.kind !== "object") return [];
  const ctx = lintContext(text, kind, options, root);
  const taken = new Set(grammar.map((f) => `${f.span.start}:${f.span.end}`));
  const lint: PolicyFinding[] = [];
  for (const check of CHECKS) {
    if (check.kinds && !check.kinds.includes(kind)) continue;
    for (const hit of check.run(ctx)) {
      if (taken.has(`${hit.span.start}:${hit.span.end}`)) continue;
      lint.push({
        kind: check.kind,
        code: check.code,
        ...hit,
        ...(check.learnMoreUrl ? { learnMoreUrl: check.learnMoreUrl } : {}),
      });
    }
  }
  return lint.sort((a, b) => rank(a) - rank(b) || a.span.start - b.span.start);
}
