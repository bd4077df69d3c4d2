import { compilePolicy, evaluate, type EvaluationInput } from "../lib/policy/evaluate";
import { percentile } from "./stats";

const ACCOUNT = "111122223333";
const doc = (Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });
let n = 0;
const compiled = (Statement: unknown[]) => compilePolicy({ id: `bench-${++n}`, name: `bench-${n}`, text: doc(Statement) });

function simple(): EvaluationInput {
  return {
    request: {
      action: "s3:GetObject",
      resource: "arn:aws:s3:::bucket/key",
      principal: { arn: `arn:aws:iam::${ACCOUNT}:user/bob`, account: ACCOUNT, kind: "user" },
      context: {},
    },
    identity: [compiled([{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket/*" }])],
  };
}

/** 10 identity policies of 5 statements with conditions and variables, a boundary, 3 SCP levels, a resource policy. */
function complex(): EvaluationInput {
  const identity = Array.from({ length: 10 }, (_, p) =>
    compiled(
      Array.from({ length: 5 }, (_, s) => ({
        Sid: `P${p}S${s}`,
        Effect: s === 4 ? "Deny" : "Allow",
        Action: s === 4 ? [`iam:Delete*`, `s3:DeleteBucket`] : [`s3:Get*`, `s3:List*`, `dynamodb:Query`, `iam:Get${p}*`],
        Resource:
          s % 2 ? "arn:aws:s3:::bucket-${aws:PrincipalTag/team}/*" : [`arn:aws:s3:::bucket/home/\${aws:username}/*`, "arn:aws:s3:::bucket"],
        Condition: {
          StringEquals: { "aws:PrincipalTag/team": ["red", "blue", `t${p}`], "s3:ExistingObjectTag/owner": "${aws:username}" },
          IpAddress: { "aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"] },
          Bool: { "aws:SecureTransport": "true" },
          DateLessThan: { "aws:CurrentTime": "2030-01-01T00:00:00Z" },
        },
      })),
    ),
  );
  const boundary = compiled([
    { Effect: "Allow", Action: ["s3:*", "dynamodb:*", "iam:Get*"], Resource: "*" },
    { Effect: "Deny", Action: "s3:*", Resource: "arn:aws:s3:::logs/*" },
  ]);
  const scp = (i: number) => [
    compiled([
      { Effect: "Allow", Action: "*", Resource: "*" },
      {
        Effect: "Deny",
        Action: "*",
        Resource: "*",
        Condition: { StringNotEquals: { "aws:RequestedRegion": ["eu-west-1", "us-east-1", `r${i}`] } },
      },
    ]),
  ];
  const resource = compiled([
    { Effect: "Allow", Principal: { AWS: ACCOUNT }, Action: "s3:*", Resource: "arn:aws:s3:::bucket/*" },
    {
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: "arn:aws:s3:::bucket/*",
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
  ]);
  return {
    request: {
      action: "s3:GetObject",
      resource: "arn:aws:s3:::bucket/home/bob/photo.jpg",
      principal: { arn: `arn:aws:iam::${ACCOUNT}:user/bob`, account: ACCOUNT, kind: "user" },
      context: {
        "aws:username": "bob",
        "aws:PrincipalTag/team": "red",
        "s3:ExistingObjectTag/owner": "bob",
        "aws:SourceIp": "203.0.113.10",
        "aws:SecureTransport": "true",
        "aws:CurrentTime": "2026-01-01T00:00:00Z",
        "aws:RequestedRegion": "eu-west-1",
      },
    },
    identity,
    boundary,
    scps: [scp(0), scp(1), scp(2)],
    resource: { policy: resource, account: ACCOUNT },
  };
}

const BATCH = 64;

/** Runs for about `ms` milliseconds; per-evaluation times come from batches of 64 (a single call is below timer resolution). */
function measure(name: string, input: EvaluationInput, aim: number, ms: number) {
  const expected = evaluate(input).decision;
  for (let i = 0; i < 20_000; i++) evaluate(input);
  const perEval: number[] = [];
  let count = 0;
  const start = performance.now();
  let sink = 0;
  while (performance.now() - start < ms) {
    const t = performance.now();
    for (let i = 0; i < BATCH; i++) sink += evaluate(input).matched.length;
    perEval.push(((performance.now() - t) * 1000) / BATCH);
    count += BATCH;
  }
  const wall = performance.now() - start;
  if (sink < 0) console.log(sink);
  const rate = (count / wall) * 1000;
  perEval.sort((a, b) => a - b);
  return {
    name,
    decision: expected,
    evaluations: count,
    perSecond: rate,
    p50: percentile(perEval, 50),
    p99: percentile(perEval, 99),
    aim,
    ratio: rate / aim,
  };
}

const ms = Number(process.env.BENCH_MS ?? 3000);
const rows = [measure("simple", simple(), 1_000_000, ms), measure("complex", complex(), 20_000, ms)];
console.log(`policy evaluation bench: ${ms} ms per case, p50/p99 in µs per evaluation (batches of ${BATCH})\n`);
const head = ["case", "decision", "evaluations", "evals/s", "p50 µs", "p99 µs", "aim evals/s", "rate/aim"];
const table = rows.map((r) => [
  r.name,
  r.decision,
  String(r.evaluations),
  r.perSecond.toFixed(0),
  r.p50.toFixed(3),
  r.p99.toFixed(3),
  String(r.aim),
  r.ratio.toFixed(2),
]);
const widths = head.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
const line = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
console.log([line(head), widths.map((w) => "-".repeat(w)).join("  "), ...table.map(line)].join("\n"));
if (rows.some((r) => r.ratio < 1)) process.exitCode = 1;
