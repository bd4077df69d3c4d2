import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { positionAt } from "../lib/policy/json";
import { parsePolicy } from "../lib/policy/parse";
import { lintPolicy, type FindingKind, type PolicyQuota } from "../lib/policy/lint";
import { toValidatePolicyFinding } from "../lib/policy/lint/access-analyzer";
import type { PolicyKind } from "../lib/policy/types";

const USAGE = `Usage: npm run lint:policy -- [--kind identity|trust|resource|scp|rcp] [--managed] [--quota managed|user|group|role|trust|organizations|none] [--account-id ID] [--json] FILE...

Prints each finding as file:line:col KIND CODE message. Without --kind, a document whose statements name a Principal
is read as a trust policy (resource policy when it allows more than sts: actions), any other as an identity policy.
Exit code: the worst finding's — 0 none or suggestions only, 1 warnings, 2 security warnings, 3 errors; 64 bad usage,
66 a file that cannot be read.`;

const KINDS: PolicyKind[] = ["identity", "trust", "resource", "scp", "rcp"];
const QUOTAS: PolicyQuota[] = ["managed", "user", "group", "role", "trust", "organizations", "none"];
const EXIT: Record<FindingKind, number> = { ERROR: 3, SECURITY_WARNING: 2, WARNING: 1, SUGGESTION: 0 };

/** A statement with a Principal makes a resource policy; one that only grants sts: actions, a trust policy. */
export function guessKind(text: string): PolicyKind {
  const statements = parsePolicy(text)?.Statement ?? [];
  if (!statements.some((s) => s.Principal || s.NotPrincipal)) return "identity";
  const actions = statements.flatMap((s) => s.Action ?? s.NotAction ?? []);
  return actions.every((a) => a.toLowerCase().startsWith("sts:")) ? "trust" : "resource";
}

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        kind: { type: "string" },
        managed: { type: "boolean" },
        quota: { type: "string" },
        "account-id": { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 64;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const kind = values.kind as PolicyKind | undefined;
  const quota = values.quota as PolicyQuota | undefined;
  if (!positionals.length || (kind && !KINDS.includes(kind)) || (quota && !QUOTAS.includes(quota))) {
    console.error(USAGE);
    return 64;
  }
  let exit = 0;
  const json: Record<string, unknown[]> = {};
  for (const file of positionals) {
    let text: string;
    try {
      text = readFileSync(file === "-" ? 0 : file, "utf8");
    } catch (err) {
      console.error(`${file}: ${(err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (err as Error).message}`);
      return 66;
    }
    const findings = lintPolicy(text, kind ?? guessKind(text), {
      managed: values.managed,
      quota,
      accountId: values["account-id"],
    });
    for (const f of findings) exit = Math.max(exit, EXIT[f.kind]);
    if (values.json) json[file] = findings.map((f) => toValidatePolicyFinding(text, f));
    else
      for (const f of findings) {
        const { line, column } = positionAt(text, f.span.start);
        console.log(`${file}:${line}:${column} ${f.kind} ${f.code} ${f.message}${f.detail ? ` (${f.detail})` : ""}`);
      }
  }
  if (values.json) console.log(JSON.stringify(json, null, 2));
  return exit;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));

export { main };
