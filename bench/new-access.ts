import { checkAccessNotGranted, checkNoNewAccess, type NewAccessKind } from "../lib/policy/new-access";
import { percentile } from "./stats";

const doc = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement }, null, 4);

const readReports = doc({
  Effect: "Allow",
  Action: ["s3:GetObject", "s3:ListBucket"],
  Resource: ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"],
});
const developer = (extra: string[]) =>
  doc(
    { Sid: "S3", Effect: "Allow", Action: ["s3:Get*", "s3:List*", ...extra], Resource: ["arn:aws:s3:::team-*", "arn:aws:s3:::team-*/*"] },
    {
      Sid: "Ec2InRegion",
      Effect: "Allow",
      Action: ["ec2:Describe*", "ec2:StartInstances", "ec2:StopInstances"],
      Resource: "*",
      Condition: { StringEquals: { "aws:RequestedRegion": ["eu-west-1", "eu-central-1"] } },
    },
    { Sid: "Logs", Effect: "Allow", Action: ["logs:*"], Resource: "arn:aws:logs:*:*:log-group:/app/${aws:username}/*" },
    {
      Sid: "NoIam",
      Effect: "Deny",
      Action: ["iam:*", "organizations:*"],
      Resource: "*",
      Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } },
    },
  );
const full = { Effect: "Allow", Action: "*", Resource: "*" };
const regions = {
  Effect: "Deny",
  NotAction: ["iam:*", "sts:*", "support:*"],
  Resource: "*",
  Condition: { StringNotEquals: { "aws:RequestedRegion": ["eu-west-1"] } },
};
const trust = (accounts: string[]) =>
  doc({
    Effect: "Allow",
    Principal: { AWS: accounts.map((a) => `arn:aws:iam::${a}:root`) },
    Action: "sts:AssumeRole",
    Condition: { StringEquals: { "sts:ExternalId": "x1" } },
  });

const cases: [string, () => unknown][] = [
  [
    "identity: added action",
    () =>
      checkNoNewAccess(
        readReports,
        doc({
          Effect: "Allow",
          Action: ["s3:GetObject", "s3:PutObject", "s3:ListBucket"],
          Resource: ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"],
        }),
        "identity",
      ),
  ],
  ["identity: same 4-statement policy", () => checkNoNewAccess(developer([]), developer([]), "identity")],
  ["identity: 4 statements, s3:Put* added", () => checkNoNewAccess(developer([]), developer(["s3:Put*"]), "identity")],
  ["identity: to Action *", () => checkNoNewAccess(readReports, doc(full), "identity")],
  ["scp: region deny removed", () => checkNoNewAccess(doc(full, regions), doc(full), "scp" as NewAccessKind)],
  ["trust: account added", () => checkNoNewAccess(trust(["444455556666"]), trust(["444455556666", "777788889999"]), "trust")],
  [
    "access not granted: iam:CreateUser",
    () => checkAccessNotGranted(developer(["iam:*"]), "identity", { actions: ["iam:CreateUser", "iam:AttachUserPolicy"] }),
  ],
];

console.log("checkNoNewAccess / checkAccessNotGranted (ms per check, warm)");
for (const [name, run] of cases) {
  for (let i = 0; i < 5; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < 100; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(44)} p50 ${percentile(samples, 50).toFixed(2).padStart(6)}  p99 ${percentile(samples, 99).toFixed(2).padStart(6)}`,
  );
}
