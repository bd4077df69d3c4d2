import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { allActionNames } from "../lib/policy/catalogue";
import type { PolicyInput } from "../lib/policy/evaluate/types";
import { effectivePermissions, type EffectivePermissionsInput } from "../lib/policy/effective";
import { percentile } from "./stats";

const AIM_MS = 200;
type Entry = [name: string, path: string, versionId: string, created: string, updated: string, versionCreated: string, document: unknown];

// The AWS managed policy documents local-aws serves (see local-aws/iam/managed-catalogue.ts).
const data = join(__dirname, "../local-aws/iam/data/managed-policies.json.gz");
const managed = new Map(
  (JSON.parse(gunzipSync(readFileSync(data)).toString("utf8")) as { policies: Entry[] }).policies.map(([name, path, , , , , document]) => [
    name,
    {
      id: `arn:aws:iam::aws:policy${path}${name}`,
      name,
      text: JSON.stringify(document, null, 4),
      sourceType: "aws-managed",
    } as PolicyInput,
  ]),
);
const aws = (name: string) => managed.get(name) ?? fail(`no AWS managed policy ${name}`);
function fail(message: string): never {
  throw new Error(message);
}

const custom = (name: string, Statement: unknown[], sourceType: PolicyInput["sourceType"] = "user"): PolicyInput => ({
  id: `arn:aws:iam::111122223333:policy/${name}`,
  name,
  text: JSON.stringify({ Version: "2012-10-17", Statement }, null, 4),
  sourceType,
});

function mix(): EffectivePermissionsInput {
  const identity = [
    "PowerUserAccess",
    "IAMReadOnlyAccess",
    "AmazonS3FullAccess",
    "AmazonEC2FullAccess",
    "AWSLambda_FullAccess",
    "AmazonDynamoDBFullAccess",
    "CloudWatchReadOnlyAccess",
    "SecurityAudit",
    "ViewOnlyAccess",
  ].map(aws);
  identity.push(
    custom("team-inline", [
      {
        Sid: "Home",
        Effect: "Allow",
        Action: ["s3:*"],
        Resource: ["arn:aws:s3:::team-bucket", "arn:aws:s3:::team-bucket/${aws:username}/*"],
      },
      {
        Sid: "Tagged",
        Effect: "Allow",
        Action: ["ec2:StartInstances", "ec2:StopInstances"],
        Resource: "*",
        Condition: { StringEquals: { "aws:ResourceTag/team": "red" } },
      },
      { Sid: "NoKeys", Effect: "Deny", Action: ["iam:CreateAccessKey", "iam:Delete*"], Resource: "*" },
      { Sid: "NoLogs", Effect: "Deny", Action: "s3:*", Resource: "arn:aws:s3:::logs/*" },
      {
        Sid: "Mfa",
        Effect: "Deny",
        NotAction: ["iam:Get*", "iam:List*", "sts:GetSessionToken"],
        Resource: "*",
        Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } },
      },
    ]),
  );
  const boundary = custom(
    "boundary",
    [
      {
        Effect: "Allow",
        Action: ["s3:*", "ec2:*", "lambda:*", "dynamodb:*", "cloudwatch:*", "logs:*", "iam:Get*", "iam:List*", "sts:*"],
        Resource: "*",
      },
      {
        Effect: "Deny",
        Action: "ec2:*",
        Resource: "*",
        Condition: { StringNotEquals: { "aws:RequestedRegion": ["eu-west-1", "us-east-1"] } },
      },
    ],
    "user-managed",
  );
  const fullAccess = custom("FullAWSAccess", [{ Effect: "Allow", Action: "*", Resource: "*" }], "none");
  const regions = custom(
    "deny-regions",
    [
      {
        Effect: "Deny",
        NotAction: ["iam:*", "organizations:*", "sts:*", "support:*", "cloudfront:*", "route53:*"],
        Resource: "*",
        Condition: { StringNotEquals: { "aws:RequestedRegion": ["eu-west-1", "us-east-1"] } },
      },
    ],
    "none",
  );
  const guardrails = custom(
    "guardrails",
    [
      {
        Effect: "Deny",
        Action: [
          "organizations:LeaveOrganization",
          "cloudtrail:StopLogging",
          "cloudtrail:DeleteTrail",
          "config:Delete*",
          "guardduty:Delete*",
        ],
        Resource: "*",
      },
      {
        Effect: "Deny",
        Action: ["iam:CreateUser", "iam:CreateAccessKey"],
        Resource: "*",
        Condition: { StringNotLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/admin" } },
      },
    ],
    "none",
  );
  return { identity, boundary, scps: [[fullAccess], [fullAccess, regions], [fullAccess, guardrails]] };
}

const cases: Record<string, () => EffectivePermissionsInput> = {
  AdministratorAccess: () => ({ identity: [aws("AdministratorAccess")] }),
  ReadOnlyAccess: () => ({ identity: [aws("ReadOnlyAccess")] }),
  "10 policies + boundary + 3 SCP levels": mix,
};

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** One call in a fresh process (catalogue indexes, parsing, pattern expansion and JIT all cold): median of 3 processes. */
function cold(name: string): { wall: number; cpu: number } {
  const runs = Array.from({ length: 3 }, () => {
    const r = spawnSync(process.execPath, [...process.execArgv, __filename], {
      env: { ...process.env, EFFECTIVE_COLD: name },
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout) as { wall: number; cpu: number };
  });
  const mid = (k: "wall" | "cpu") => runs.map((r) => r[k]).sort((a, b) => a - b)[1];
  return { wall: mid("wall"), cpu: mid("cpu") };
}

function measure(name: string, ms: number) {
  const input = cases[name]();
  const first = effectivePermissions(input);
  const wall: number[] = [];
  const cpu: number[] = [];
  const start = performance.now();
  while (performance.now() - start < ms || wall.length < 20) {
    const c = cpuMs();
    const t = performance.now();
    effectivePermissions(input);
    wall.push(performance.now() - t);
    cpu.push(cpuMs() - c);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    name,
    allowed: first.allowed,
    full: first.full,
    blocked: first.blocked,
    denied: first.denied,
    services: first.services.length,
    statements: first.statements.length,
    jsonKb: JSON.stringify(first).length / 1024,
    cold: cold(name),
    calls: wall.length,
    p50: percentile(wall, 50),
    p99: percentile(wall, 99),
    cpu50: percentile(cpu, 50),
    cpu99: percentile(cpu, 99),
  };
}

if (process.env.EFFECTIVE_COLD) {
  const input = cases[process.env.EFFECTIVE_COLD]();
  const c = cpuMs();
  const t = performance.now();
  effectivePermissions(input);
  console.log(JSON.stringify({ wall: performance.now() - t, cpu: cpuMs() - c }));
} else {
  const ms = Number(process.env.BENCH_MS ?? 3000);
  const rows = Object.keys(cases).map((name) => measure(name, ms));
  console.log(
    `effective permissions bench: the whole catalogue (${allActionNames().length} actions) per call, ${ms} ms per case; ` +
      `cold = first call in a fresh process (median of 3); cpu = process CPU time; aim ${AIM_MS} ms; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores\n`,
  );
  const head = [
    "case",
    "allowed",
    "full",
    "blocked",
    "denied",
    "services",
    "stmts",
    "JSON KB",
    "cold ms",
    "cold cpu",
    "calls",
    "p50 ms",
    "p99 ms",
    "cpu p50",
    "cpu p99",
    "p99/aim",
  ];
  const table = rows.map((r) => [
    r.name,
    String(r.allowed),
    String(r.full),
    String(r.blocked),
    String(r.denied),
    String(r.services),
    String(r.statements),
    r.jsonKb.toFixed(0),
    r.cold.wall.toFixed(1),
    r.cold.cpu.toFixed(1),
    String(r.calls),
    r.p50.toFixed(2),
    r.p99.toFixed(2),
    r.cpu50.toFixed(2),
    r.cpu99.toFixed(2),
    (r.p99 / AIM_MS).toFixed(3),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i < 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log([line(head), widths.map((w) => "-".repeat(w)).join("  "), ...table.map(line)].join("\n"));
  if (rows.some((r) => r.p99 > AIM_MS)) process.exitCode = 1;
}
