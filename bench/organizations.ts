import { Agent } from "node:http";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import {
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutRolePolicyCommand,
} from "@aws-sdk/client-iam";
import {
  AttachPolicyCommand,
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  CreatePolicyCommand as CreateScpCommand,
  DescribeCreateAccountStatusCommand,
  EnablePolicyTypeCommand,
  ListOrganizationalUnitsForParentCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
} from "@aws-sdk/client-organizations";
import { AssumeRoleCommand, STSClient, type Credentials } from "@aws-sdk/client-sts";
import { configFromEnv } from "../local-aws/config";
import { authorizeTimes } from "./authorize-times";
import type { LocalAws } from "../local-aws/app";
import { sessionCaller } from "../local-aws/authn";
import { findSession } from "../local-aws/sts/sessions";
import { measure, type Series } from "./stats";

const doc = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const ASSUMES = 1000;

const keepAlive = () => new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: true, maxSockets: 8 }) });

function clients(aws: LocalAws, credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) {
  const opts = { endpoint: aws.url, region: "us-east-1", credentials, requestHandler: keepAlive() };
  return { iam: new IAMClient(opts), sts: new STSClient(opts), organizations: new OrganizationsClient(opts) };
}

const fromSts = (c: Credentials | undefined) => ({
  accessKeyId: c!.AccessKeyId!,
  secretAccessKey: c!.SecretAccessKey!,
  sessionToken: c!.SessionToken!,
});

/**
 * A member account five SCP levels deep (root → 3 OUs → account, an SCP with conditions at each level beside
 * FullAWSAccess), and in it a role with attached and inline policies and a permissions boundary, assumed with a session
 * policy: the heaviest principal enforcement handles.
 */
async function setUp(aws: LocalAws, root: ReturnType<typeof clients>, managementAccount: string) {
  await root.organizations.send(new CreateOrganizationCommand({ FeatureSet: "ALL" }));
  const rootId = (await root.organizations.send(new ListRootsCommand({}))).Roots![0].Id!;
  await root.organizations.send(new EnablePolicyTypeCommand({ RootId: rootId, PolicyType: "SERVICE_CONTROL_POLICY" }));
  const { CreateAccountStatus } = await root.organizations.send(
    new CreateAccountCommand({ AccountName: "bench", Email: "bench@example.com" }),
  );
  let accountId: string | undefined;
  while (!accountId) {
    const s = await root.organizations.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: CreateAccountStatus!.Id! }));
    accountId = s.CreateAccountStatus!.AccountId;
  }
  let parent = rootId;
  for (const name of ["platform", "workloads", "dev"]) {
    parent = (await root.organizations.send(new CreateOrganizationalUnitCommand({ ParentId: parent, Name: name }))).OrganizationalUnit!.Id!;
  }
  await root.organizations.send(new MoveAccountCommand({ AccountId: accountId, SourceParentId: rootId, DestinationParentId: parent }));
  const levels = [rootId, ...(await ouChain(root.organizations, rootId)), accountId];
  for (const [i, target] of levels.entries()) {
    const scp = await root.organizations.send(
      new CreateScpCommand({
        Name: `level-${i}`,
        Description: "bench",
        Type: "SERVICE_CONTROL_POLICY",
        Content: doc(
          { Effect: "Deny", Action: ["organizations:LeaveOrganization", "account:*", `ec2:Purchase${i}*`], Resource: "*" },
          {
            Effect: "Deny",
            NotAction: ["iam:*", "sts:*", "s3:*"],
            Resource: "*",
            Condition: { StringNotEquals: { "aws:RequestedRegion": ["us-east-1", "eu-west-1"] } },
          },
        ),
      }),
    );
    await root.organizations.send(new AttachPolicyCommand({ PolicyId: scp.Policy!.PolicySummary!.Id!, TargetId: target }));
  }

  // The management account's admin reaches the member through OrganizationAccountAccessRole and builds the role there.
  await root.iam.send(new CreateUserCommand({ UserName: "bench-admin" }));
  await root.iam.send(new AttachUserPolicyCommand({ UserName: "bench-admin", PolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }));
  const key = (await root.iam.send(new CreateAccessKeyCommand({ UserName: "bench-admin" }))).AccessKey!;
  const admin = clients(aws, { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
  const orgAccess = `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`;
  const member = clients(
    aws,
    fromSts((await admin.sts.send(new AssumeRoleCommand({ RoleArn: orgAccess, RoleSessionName: "setup" }))).Credentials),
  );
  const boundary = await member.iam.send(
    new CreatePolicyCommand({
      PolicyName: "bench-boundary",
      PolicyDocument: doc({ Effect: "Allow", Action: ["iam:*", "s3:*", "sts:*"], Resource: "*" }),
    }),
  );
  const trust = doc({
    Effect: "Allow",
    Principal: { AWS: `arn:aws:iam::${managementAccount}:user/bench-admin` },
    Action: "sts:AssumeRole",
  });
  await member.iam.send(
    new CreateRoleCommand({ RoleName: "bench-role", AssumeRolePolicyDocument: trust, PermissionsBoundary: boundary.Policy!.Arn }),
  );
  for (const name of ["IAMReadOnlyAccess", "ReadOnlyAccess", "SecurityAudit", "IAMFullAccess"]) {
    await member.iam.send(new AttachRolePolicyCommand({ RoleName: "bench-role", PolicyArn: `arn:aws:iam::aws:policy/${name}` }));
  }
  const guard = {
    Effect: "Deny",
    Action: "iam:DeleteRole",
    Resource: "*",
    Condition: { StringEquals: { "aws:PrincipalTag/protected": "true" } },
  };
  await member.iam.send(new PutRolePolicyCommand({ RoleName: "bench-role", PolicyName: "guard", PolicyDocument: doc(guard) }));
  const roleArn = `arn:aws:iam::${accountId}:role/bench-role`;
  const sessionPolicy = doc({ Effect: "Allow", Action: ["iam:Get*", "iam:List*", "iam:CreateUser"], Resource: "*" });
  return { admin, accountId, roleArn, sessionPolicy };
}

async function ouChain(organizations: OrganizationsClient, rootId: string): Promise<string[]> {
  const chain: string[] = [];
  let parent = rootId;
  for (;;) {
    const ous = (await organizations.send(new ListOrganizationalUnitsForParentCommand({ ParentId: parent }))).OrganizationalUnits ?? [];
    if (!ous.length) return chain;
    parent = ous[0].Id!;
    chain.push(parent);
  }
}

/** AssumeRole through the SDK, and what authorizing a request of the resulting session costs in process. */
export async function organizationsSeries(aws: LocalAws): Promise<{ series: Series[]; summary: string }> {
  const config = configFromEnv({});
  const root = clients(aws, { accessKeyId: config.rootAccessKeyId, secretAccessKey: config.rootSecretAccessKey });
  const { admin, roleArn, sessionPolicy } = await setUp(aws, root, config.accountId);
  const range = Array.from({ length: ASSUMES }, (_, i) => i);
  const assume = await measure("AssumeRole (cross-account, 5 SCP levels)", "write", range, (i) =>
    admin.sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: `bench-${i}`, Policy: sessionPolicy })),
  );
  const session = await admin.sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "bench", Policy: sessionPolicy }));
  const caller = sessionCaller(aws.db, findSession(aws.db, session.Credentials!.AccessKeyId!)!)!;
  const summary = [
    "authorize() in process for a role session of a member account: 5 SCP levels (root, 3 OUs, account; FullAWSAccess and a",
    "conditional deny SCP at each), 4 AWS managed policies incl. ReadOnlyAccess + an inline deny, a permissions boundary and a",
    "session policy. Aim: p99 under 1 ms.",
    `  ${authorizeTimes(aws, caller, "GetUser", { UserName: "nobody" })}`,
    `  ${authorizeTimes(aws, caller, "CreateUser", { UserName: "bench-new" })}`,
  ].join("\n");
  return { series: [assume], summary };
}
