import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as O from "@aws-sdk/client-organizations";
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import { CreateGroupCommand, CreateUserCommand, GetRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { startHarness, unique, type Harness } from "../helpers/local-aws";
import { iamUser } from "../helpers/iam-user";
import { createMember, createOrganization, orgError } from "../helpers/organizations";

/**
 * The management account reaches a created account through OrganizationAccountAccessRole (STS AssumeRole), and every
 * Organizations write that changes SCPs or where the account sits changes what that session may do at once.
 */
describe("Organizations: the created account's access role and SCPs on it", () => {
  let h: Harness;
  let rootId: string;
  let accountId: string;
  let member: IAMClient;
  before(async () => {
    h = await startHarness({ createAccountSeconds: 0 });
    rootId = await createOrganization(h, undefined, ["SERVICE_CONTROL_POLICY"]);
    ({ accountId } = await createMember(h));
    const admin = await iamUser(h, { managed: ["AdministratorAccess"] });
    const { Credentials } = await admin.sts.send(
      new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`, RoleSessionName: "admin" }),
    );
    const credentials = {
      accessKeyId: Credentials!.AccessKeyId!,
      secretAccessKey: Credentials!.SecretAccessKey!,
      sessionToken: Credentials!.SessionToken!,
    };
    member = new IAMClient({ endpoint: h.aws.url, region: "us-east-1", credentials, maxAttempts: 1 });
  });
  after(async () => h.stop());

  const createUser = () => member.send(new CreateUserCommand({ UserName: unique("u") }));

  it("lets the management account's administrators into the new account as its administrator", async () => {
    const { Role } = await member.send(new GetRoleCommand({ RoleName: "OrganizationAccountAccessRole" }));
    assert.equal(Role!.Arn, `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`);
    await createUser();
  });

  it("applies an SCP as soon as it is attached above the account, and lifts it when detached", async () => {
    const { OrganizationalUnit } = await h.organizations.send(new O.CreateOrganizationalUnitCommand({ ParentId: rootId, Name: "Dev" }));
    const content = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "iam:CreateUser", Resource: "*" }] });
    const { Policy } = await h.organizations.send(
      new O.CreatePolicyCommand({ Name: "NoUsers", Description: "", Type: "SERVICE_CONTROL_POLICY", Content: content }),
    );
    const policyId = Policy!.PolicySummary!.Id!;
    await h.organizations.send(new O.AttachPolicyCommand({ PolicyId: policyId, TargetId: OrganizationalUnit!.Id }));
    await createUser();

    await h.organizations.send(
      new O.MoveAccountCommand({ AccountId: accountId, SourceParentId: rootId, DestinationParentId: OrganizationalUnit!.Id }),
    );
    const denied = await orgError(createUser());
    assert.equal(denied.name, "AccessDenied");
    assert.match(denied.message, new RegExp(`with an explicit deny in a service control policy: ${Policy!.PolicySummary!.Arn}$`));
    await member.send(new CreateGroupCommand({ GroupName: unique("g") }));

    await h.organizations.send(new O.DetachPolicyCommand({ PolicyId: policyId, TargetId: OrganizationalUnit!.Id }));
    await createUser();
  });
});
