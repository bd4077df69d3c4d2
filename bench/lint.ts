import { spawnSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { lintPolicy, policyGrammarFindings } from "../lib/policy/lint";
import { percentile } from "./stats";

const AIM_MS = 20;
const RUNS = Number(process.env.BENCH_LINT_RUNS ?? 300);

const statement = (i: number) => ({
  Sid: `Statement${i}`,
  Effect: i % 5 === 4 ? "Deny" : "Allow",
  Action: [
    ["s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:GetObjekt"],
    ["dynamodb:Query", "dynamodb:GetItem", "dynamodb:BatchWriteItem"],
    ["ec2:Describe*", "ec2:StartInstances", "ec2:StopInstances"],
    ["iam:PassRole", "iam:GetRole", "sts:AssumeRole"],
    ["kms:Decrypt", "kms:GenerateDataKey", "sqs:SendMessage", "lambda:InvokeFunction"],
  ][i % 5],
  Resource: [
    ["arn:aws:s3:::analytics-bucket", `arn:aws:s3:::analytics-bucket/team-${i}/*`],
    [`arn:aws:dynamodb:eu-west-1:111122223333:table/orders-${i}`, `arn:aws:dynamodb:eu-west-1:111122223333:table/orders-${i}/index/*`],
    ["*"],
    [`arn:aws:iam::111122223333:role/app-${i}`, "arn:aws:iam::111122223333:role/service-role/*"],
    [`arn:aws:kms:eu-west-1:111122223333:key/${i}`, `arn:aws:sqs:eu-west-1:111122223333:queue-${i}`],
  ][i % 5],
  Condition: {
    StringEquals: { "aws:PrincipalTag/team": ["red", `team-${i}`], "aws:RequestedRegion": "eu-west-1" },
    IpAddress: { "aws:SourceIp": ["203.0.113.0/24", "198.51.100.0/24"] },
    Bool: { "aws:SecureTransport": "true" },
    ...(i % 3 === 0 ? { "ForAllValues:StringEquals": { "aws:TagKeys": ["team", "env"] } } : {}),
  },
});

/** A ~6,000-character policy (pretty-printed as the editor shows it) that touches every family of checks. */
export function benchPolicy(target = 5900): string {
  const statements = [];
  let text = "";
  for (let i = 0; text.length < target; i++) {
    statements.push(statement(i));
    text = JSON.stringify({ Version: "2012-10-17", Statement: statements }, null, 2);
  }
  return text;
}

const ms = (f: () => void) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};

/** Wall time, and CPU time (which a loaded machine's scheduling does not inflate), in milliseconds. */
function timed(f: () => void): { wall: number; cpu: number } {
  const cpu = process.cpuUsage();
  const wall = ms(f);
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

/** Each run lints a slightly different text, as typing makes it: a Sid changes. */
function series(text: string, f: (text: string) => unknown): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const typed = text.replace('"Statement0"', `"Statement0${i % 10}"`);
    const t = timed(() => f(typed));
    wall.push(t.wall);
    cpu.push(t.cpu);
  }
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

/** The first lint of a fresh process (catalogue indexes built on first use), in a child process, median of 3. */
function cold(): number {
  const runs = [0, 1, 2].map(() => {
    const out = spawnSync(process.execPath, ["--import", "tsx", __filename, "--cold"], { encoding: "utf8" });
    return Number(out.stdout.trim());
  });
  return runs.sort((a, b) => a - b)[1];
}

/** The findings latency table, and whether the warm p99 meets the aim. */
export function lintReport(): { summary: string; ok: boolean } {
  const text = benchPolicy();
  const findings = lintPolicy(text, "identity");
  const first = cold();
  const all = series(text, (t) => lintPolicy(t, "identity"));
  const grammar = series(text, (t) => policyGrammarFindings(t, "identity"));
  const rows = [
    ["lintPolicy (grammar + checks)", all],
    ["grammar alone (per keystroke)", grammar],
  ] as const;
  const cell = (n: number) => n.toFixed(2).padStart(8);
  const lines = rows.map(
    ([name, s]) =>
      `${name.padEnd(31)} ${String(RUNS).padStart(5)} ${cell(percentile(s.wall, 50))} ${cell(percentile(s.wall, 99))} ${cell(percentile(s.cpu, 50))} ${cell(percentile(s.cpu, 99))}`,
  );
  const p99 = percentile(all.wall, 99);
  return {
    ok: p99 < AIM_MS,
    summary: [
      `Policy findings: a ${text.length.toLocaleString("en-US")}-character identity policy, ${findings.length} findings; aim p99 < ${AIM_MS} ms warm.`,
      `cold first call (fresh process, catalogue indexes built): ${first.toFixed(1)} ms`,
      `${"warm".padEnd(31)} ${"runs".padStart(5)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"cpu p50".padStart(8)} ${"cpu p99".padStart(8)}`,
      ...lines,
      `p99/aim ${(p99 / AIM_MS).toFixed(2)} (load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs)`,
    ].join("\n"),
  };
}

if (process.argv.includes("--cold")) {
  const text = benchPolicy();
  console.log(ms(() => lintPolicy(text, "identity")).toFixed(2));
} else if (require.main === module) {
  const { summary, ok } = lintReport();
  console.log(summary);
  if (!ok) process.exitCode = 1;
}
