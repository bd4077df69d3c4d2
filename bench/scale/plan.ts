/**
 * What `npm run seed:large` creates, decided from the entity's index alone so a run is reproducible: names, paths,
 * tags, documents, and which policies, groups, inline policies, login profiles and access keys each principal gets.
 */
export type Counts = { users: number; groups: number; roles: number; policies: number; loginProfiles: number; accessKeys: number };

export const DEFAULT_COUNTS: Counts = {
  users: 10_000,
  groups: 2_000,
  roles: 5_000,
  policies: 3_000,
  loginProfiles: 100,
  accessKeys: 2_000,
};

const TEAMS = ["payments", "search", "identity", "analytics", "platform", "mobile", "data", "billing", "growth", "infra"];
const ENVS = ["prod", "staging", "dev"];
const STATEMENTS: { Action: string[]; Resource: (team: string) => string }[] = [
  { Action: ["s3:GetObject", "s3:PutObject", "s3:ListBucket"], Resource: (t) => `arn:aws:s3:::${t}-artifacts/*` },
  { Action: ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem"], Resource: (t) => `arn:aws:dynamodb:us-east-1:*:table/${t}-*` },
  { Action: ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage"], Resource: (t) => `arn:aws:sqs:us-east-1:*:${t}-queue` },
  { Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: (t) => `arn:aws:logs:us-east-1:*:log-group:/${t}/*` },
  { Action: ["lambda:InvokeFunction"], Resource: (t) => `arn:aws:lambda:us-east-1:*:function:${t}-*` },
  { Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: () => "*" },
  { Action: ["ec2:DescribeInstances", "ec2:DescribeVolumes"], Resource: () => "*" },
];
/** A few AWS managed policies, attached beside the customer managed ones as real accounts do. */
const AWS_MANAGED = [
  "arn:aws:iam::aws:policy/ReadOnlyAccess",
  "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
  "arn:aws:iam::aws:policy/CloudWatchLogsFullAccess",
  "arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess",
];

const pad = (i: number) => String(i).padStart(5, "0");
const team = (i: number) => TEAMS[i % TEAMS.length];
const tags = (i: number) => [
  { Key: "team", Value: team(i) },
  { Key: "env", Value: ENVS[i % ENVS.length] },
  ...(i % 4 === 0 ? [{ Key: "cost-center", Value: `cc-${1000 + (i % 37)}` }] : []),
];

export const policyName = (i: number) => `seed-policy-${pad(i)}`;
export const groupName = (i: number) => `seed-group-${pad(i)}`;
export const roleName = (i: number) => `seed-role-${pad(i)}`;
export const userName = (i: number) => `seed-user-${pad(i)}`;
export const userArn = (i: number, accountId: string) => `arn:aws:iam::${accountId}:user/seed/${team(i)}/${userName(i)}`;

export function policyDocument(i: number): string {
  const picked = [STATEMENTS[i % STATEMENTS.length], STATEMENTS[(i * 3 + 1) % STATEMENTS.length]];
  const Statement: Record<string, unknown>[] = picked.map((s, n) => ({
    Sid: `Seed${n}`,
    Effect: "Allow",
    Action: s.Action,
    Resource: s.Resource(team(i)),
  }));
  if (i % 5 === 0)
    Statement.push({
      Sid: "DenyOutsideRegion",
      Effect: "Deny",
      Action: "*",
      Resource: "*",
      Condition: { StringNotEquals: { "aws:RequestedRegion": ["us-east-1", "eu-west-1"] } },
    });
  return JSON.stringify({ Version: "2012-10-17", Statement });
}

export const createPolicy = (i: number) => ({
  PolicyName: policyName(i),
  Path: `/seed/${team(i)}/`,
  PolicyDocument: policyDocument(i),
  Description: `Seeded policy ${i} for ${team(i)}`,
  ...(i % 3 === 0 ? { Tags: tags(i) } : {}),
});

const trust = (i: number) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      i % 3 === 0
        ? { Effect: "Allow", Principal: { AWS: "arn:aws:iam::000000000000:root" }, Action: "sts:AssumeRole" }
        : { Effect: "Allow", Principal: { Service: i % 3 === 1 ? "lambda.amazonaws.com" : "ec2.amazonaws.com" }, Action: "sts:AssumeRole" },
    ],
  });

export const createGroup = (i: number) => ({ GroupName: groupName(i), Path: `/seed/${team(i)}/` });
export const createRole = (i: number) => ({
  RoleName: roleName(i),
  Path: `/seed/${team(i)}/`,
  AssumeRolePolicyDocument: trust(i),
  Description: `Seeded role ${i}`,
  Tags: tags(i),
});
export const createUser = (i: number) => ({ UserName: userName(i), Path: `/seed/${team(i)}/`, Tags: tags(i) });

/** Managed policies attached to the i-th principal of a kind: `n` distinct ones, sometimes an AWS managed one. */
export function attachedPolicies(i: number, n: number, counts: Counts, accountId: string): string[] {
  const arns = new Set<string>();
  for (let k = 0; k < n && counts.policies > 0; k++) {
    const p = (i * 7 + k * 131) % counts.policies;
    arns.add(`arn:aws:iam::${accountId}:policy/seed/${team(p)}/${policyName(p)}`);
  }
  if (i % 6 === 0) arns.add(AWS_MANAGED[i % AWS_MANAGED.length]);
  return [...arns];
}

export const inlinePolicy = (i: number) => ({ PolicyName: `seed-inline-${pad(i)}`, PolicyDocument: policyDocument(i + 1) });

/** The groups a user joins: one or two, distinct. */
export const userGroups = (i: number, counts: Counts): string[] =>
  counts.groups === 0 ? [] : [...new Set([i % counts.groups, (i * 13 + 5) % counts.groups].slice(0, 1 + (i % 2)))].map(groupName);
