import { Agent } from "node:http";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateUserCommand,
  GetUserCommand,
  IAMClient,
  PutGroupPolicyCommand,
  PutUserPolicyCommand,
} from "@aws-sdk/client-iam";
import { measure, percentile, type Series } from "./stats";
import type { LocalAws } from "../local-aws/app";
import type { Caller } from "../local-aws/context";
import { authorizeTimes } from "./authorize-times";
import { sql } from "../local-aws/store/db";

const ROUNDS = 10;
const GET_PER_ROUND = 200;
const CREATE_PER_ROUND = 100;
const doc = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const aws = (name: string) => `arn:aws:iam::aws:policy/${name}`;

/**
 * An IAM user as a real account has them: 5 attached managed policies (ReadOnlyAccess alone is ~94 KB), an inline
 * policy with conditions, a group with 2 attached policies and an inline Deny, tags, and a permissions boundary.
 */
async function enforcedPrincipal(root: IAMClient): Promise<{ accessKeyId: string; secretAccessKey: string }> {
  const { Policy: create } = await root.send(
    new CreatePolicyCommand({
      PolicyName: "bench-create-users",
      PolicyDocument: doc({
        Effect: "Allow",
        Action: "iam:CreateUser",
        Resource: "arn:aws:iam::*:user/bench-made/*",
        Condition: { StringEquals: { "aws:PrincipalTag/team": "bench" } },
      }),
    }),
  );
  const { Policy: boundary } = await root.send(
    new CreatePolicyCommand({
      PolicyName: "bench-boundary",
      PolicyDocument: doc({ Effect: "Allow", Action: ["iam:*", "s3:*", "ec2:Describe*"], Resource: "*" }),
    }),
  );
  await root.send(
    new CreateUserCommand({ UserName: "bench-principal", Tags: [{ Key: "team", Value: "bench" }], PermissionsBoundary: boundary!.Arn }),
  );
  for (const arn of [aws("IAMReadOnlyAccess"), aws("ReadOnlyAccess"), aws("SecurityAudit"), aws("IAMUserChangePassword"), create!.Arn!]) {
    await root.send(new AttachUserPolicyCommand({ UserName: "bench-principal", PolicyArn: arn }));
  }
  const office = {
    Effect: "Deny",
    NotAction: "iam:Get*",
    Resource: "*",
    Condition: { NotIpAddress: { "aws:SourceIp": ["127.0.0.0/8", "10.0.0.0/8"] } },
  };
  await root.send(new PutUserPolicyCommand({ UserName: "bench-principal", PolicyName: "office-only", PolicyDocument: doc(office) }));
  await root.send(new CreateGroupCommand({ GroupName: "bench-group" }));
  await root.send(new AddUserToGroupCommand({ GroupName: "bench-group", UserName: "bench-principal" }));
  for (const arn of [aws("PowerUserAccess"), aws("IAMUserSSHKeys")])
    await root.send(new AttachGroupPolicyCommand({ GroupName: "bench-group", PolicyArn: arn }));
  const keepUsers = { Effect: "Deny", Action: ["iam:DeleteUser", "iam:DeleteLoginProfile"], Resource: "*" };
  await root.send(new PutGroupPolicyCommand({ GroupName: "bench-group", PolicyName: "keep-users", PolicyDocument: doc(keepUsers) }));
  const { AccessKey } = await root.send(new CreateAccessKeyCommand({ UserName: "bench-principal" }));
  return { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
}

const merge = (name: string, kind: Series["kind"], parts: Series[]): Series => ({
  name,
  kind,
  samples: parts.flatMap((p) => p.samples),
  server: parts.flatMap((p) => p.server),
  wallMs: parts.reduce((s, p) => s + p.wallMs, 0),
});

/**
 * GetUser and CreateUser as root (never evaluated) and as the enforced IAM user, in alternating rounds so both see
 * the same machine state; the difference in server-side p99 is what enforcement adds to a call.
 */
export async function enforcementSeries(aws: LocalAws, root: IAMClient): Promise<{ series: Series[]; summary: string }> {
  const credentials = await enforcedPrincipal(root);
  const user = new IAMClient({
    endpoint: aws.url,
    region: "us-east-1",
    credentials,
    requestHandler: new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: true, maxSockets: 8 }) }),
  });
  const parts: Record<string, Series[]> = { rootGet: [], userGet: [], rootCreate: [], userCreate: [] };
  const range = (n: number, from: number) => Array.from({ length: n }, (_, i) => from + i);
  await user.send(new GetUserCommand({ UserName: "bench-principal" }));
  for (let r = 0; r < ROUNDS; r++) {
    const gets = range(GET_PER_ROUND, 0);
    parts.rootGet.push(await measure("", "read", gets, () => root.send(new GetUserCommand({ UserName: "bench-principal" }))));
    parts.userGet.push(await measure("", "read", gets, () => user.send(new GetUserCommand({ UserName: "bench-principal" }))));
    const creates = range(CREATE_PER_ROUND, r * CREATE_PER_ROUND);
    parts.rootCreate.push(
      await measure("", "write", creates, (i) => root.send(new CreateUserCommand({ UserName: `root-made-${i}`, Path: "/bench-made/" }))),
    );
    parts.userCreate.push(
      await measure("", "write", creates, (i) => user.send(new CreateUserCommand({ UserName: `user-made-${i}`, Path: "/bench-made/" }))),
    );
  }
  const series = [
    merge("GetUser as root", "read", parts.rootGet),
    merge("GetUser as IAM user (enforced)", "read", parts.userGet),
    merge("CreateUser as root", "write", parts.rootCreate),
    merge("CreateUser as IAM user (enforced)", "write", parts.userCreate),
  ];
  const p = (s: Series, q: number) =>
    percentile(
      [...s.server].sort((a, b) => a - b),
      q,
    );
  const delta = (a: Series, b: Series) =>
    `${b.name.split(" ")[0]}: server p50 +${(p(b, 50) - p(a, 50)).toFixed(3)} ms, p99 +${(p(b, 99) - p(a, 99)).toFixed(3)} ms`;
  const u = sql(aws.db, "SELECT user_id, name, arn FROM users WHERE name = 'bench-principal'").get() as {
    user_id: string;
    name: string;
    arn: string;
  };
  const caller: Caller = {
    type: "user",
    accountId: u.arn.split(":")[4],
    arn: u.arn,
    userId: u.user_id,
    userName: u.name,
    accessKeyId: credentials.accessKeyId,
  };
  const summary = [
    "Enforcement overhead (IAM user with 5 attached managed policies incl. ReadOnlyAccess, an inline policy, a group with 2 managed",
    "and 1 inline policy, tags and a permissions boundary; versus root, which is never evaluated). Aim: under 1 ms at p99.",
    `  ${delta(series[0], series[1])}`,
    `  ${delta(series[2], series[3])}`,
    "authorize() alone, in process (target lookup, request context, evaluation; principal cached between writes):",
    `  ${authorizeTimes(aws, caller, "GetUser", { UserName: "bench-principal" })}`,
    `  ${authorizeTimes(aws, caller, "CreateUser", { UserName: "bench-new", Path: "/bench-made/" })}`,
  ].join("\n");
  return { series, summary };
}
