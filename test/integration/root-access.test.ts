import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as I from "@aws-sdk/client-iam";
import * as O from "@aws-sdk/client-organizations";
import * as S from "@aws-sdk/client-sts";
import { awsError, startHarness, type Harness } from "../helpers/local-aws";
import { createMember, createOrganization, rootClients } from "../helpers/organizations";
import { ACCOUNT, iamUser } from "../helpers/iam-user";
import { sessionClients } from "../helpers/sessions";

const IAM = "iam.amazonaws.com";
const error = (name: string, message: string) => ({ name, message, status: 400 });
const NO_ORG = error("OrganizationNotFoundException", "The request was rejected because no organization is associated with your account.");
const NOT_MANAGEMENT_OR_DELEGATED = error(
  "AccountNotManagementOrDelegatedAdministratorException",
  "The request was rejected because the account making the request is not the management account or delegated administrator account for centralized root access.",
);
const NOT_TRUSTED = error(
  "ServiceAccessNotEnabledException",
  "The request was rejected because trusted access is not enabled for IAM in Organizations. For details, see IAM and Organizations in the Organizations User Guide.",
);

describe("IAM centralized root access for member accounts", () => {
  let h: Harness;
  before(async () => (h = await startHarness({ createAccountSeconds: 0, createdAccountMinAgeSeconds: 0 })));
  after(async () => h.stop());
  beforeEach(async () => h.reset());

  const features = (iam = h.iam) => iam.send(new I.ListOrganizationsFeaturesCommand({}));

  it("needs an organization with all features and trusted access for IAM", async () => {
    assert.deepEqual(await awsError(features()), NO_ORG);
    assert.deepEqual(await awsError(h.iam.send(new I.EnableOrganizationsRootSessionsCommand({}))), NO_ORG);
    await createOrganization(h, "CONSOLIDATED_BILLING");
    assert.deepEqual(
      await awsError(features()),
      error(
        "OrganizationNotInAllFeaturesModeException",
        "The request was rejected because your organization does not have All features enabled. For more information, see Available feature sets in the Organizations User Guide.",
      ),
    );
    await h.reset();
    await createOrganization(h);
    assert.deepEqual(await awsError(features()), NOT_TRUSTED);
    assert.deepEqual(await awsError(h.iam.send(new I.EnableOrganizationsRootCredentialsManagementCommand({}))), NOT_TRUSTED);
  });

  it("enables and disables each feature from the management account, and lists them", async () => {
    await createOrganization(h);
    await h.organizations.send(new O.EnableAWSServiceAccessCommand({ ServicePrincipal: IAM }));
    const { Organization } = await h.organizations.send(new O.DescribeOrganizationCommand({}));
    const none = await features();
    assert.deepEqual([none.OrganizationId, none.EnabledFeatures], [Organization!.Id, []]);
    const creds = await h.iam.send(new I.EnableOrganizationsRootCredentialsManagementCommand({}));
    assert.deepEqual([creds.OrganizationId, creds.EnabledFeatures], [Organization!.Id, ["RootCredentialsManagement"]]);
    const sessions = await h.iam.send(new I.EnableOrganizationsRootSessionsCommand({}));
    assert.deepEqual(sessions.EnabledFeatures, ["RootCredentialsManagement", "RootSessions"]);
    assert.deepEqual((await h.iam.send(new I.EnableOrganizationsRootSessionsCommand({}))).EnabledFeatures, [
      "RootCredentialsManagement",
      "RootSessions",
    ]);
    const off = await h.iam.send(new I.DisableOrganizationsRootCredentialsManagementCommand({}));
    assert.deepEqual(off.EnabledFeatures, ["RootSessions"]);
    assert.deepEqual((await h.iam.send(new I.DisableOrganizationsRootSessionsCommand({}))).EnabledFeatures, []);
    assert.deepEqual((await features()).EnabledFeatures, []);
  });

  it("lets IAM's delegated administrator list and disable but not enable; other members get neither", async () => {
    await createOrganization(h);
    await h.organizations.send(new O.EnableAWSServiceAccessCommand({ ServicePrincipal: IAM }));
    await h.iam.send(new I.EnableOrganizationsRootSessionsCommand({}));
    const admin = await createMember(h, "iam-admin");
    const member = await createMember(h, "workload");
    await h.organizations.send(new O.RegisterDelegatedAdministratorCommand({ AccountId: admin.accountId, ServicePrincipal: IAM }));
    const adminClients = rootClients(h, admin.accountId);
    const memberClients = rootClients(h, member.accountId);
    assert.deepEqual((await features(adminClients.iam)).EnabledFeatures, ["RootSessions"]);
    assert.deepEqual(
      await awsError(adminClients.iam.send(new I.EnableOrganizationsRootCredentialsManagementCommand({}))),
      error(
        "CallerIsNotManagementAccountException",
        "The request was rejected because the account making the request is not the management account for the organization.",
      ),
    );
    assert.deepEqual((await adminClients.iam.send(new I.DisableOrganizationsRootSessionsCommand({}))).EnabledFeatures, []);
    assert.deepEqual(await awsError(features(memberClients.iam)), NOT_MANAGEMENT_OR_DELEGATED);
    assert.deepEqual(
      await awsError(memberClients.iam.send(new I.DisableOrganizationsRootSessionsCommand({}))),
      NOT_MANAGEMENT_OR_DELEGATED,
    );
  });

  it("authorizes each action on resource * before asking Organizations", async () => {
    const user = await iamUser(h);
    for (const [action, command] of [
      ["ListOrganizationsFeatures", new I.ListOrganizationsFeaturesCommand({})],
      ["EnableOrganizationsRootCredentialsManagement", new I.EnableOrganizationsRootCredentialsManagementCommand({})],
      ["DisableOrganizationsRootCredentialsManagement", new I.DisableOrganizationsRootCredentialsManagementCommand({})],
      ["EnableOrganizationsRootSessions", new I.EnableOrganizationsRootSessionsCommand({})],
      ["DisableOrganizationsRootSessions", new I.DisableOrganizationsRootSessionsCommand({})],
    ] as const) {
      assert.deepEqual(await awsError(user.iam.send(command as I.ListOrganizationsFeaturesCommand)), {
        name: "AccessDenied",
        message: `User: arn:aws:iam::${ACCOUNT}:user/${user.name} is not authorized to perform: iam:${action} on resource: * because no identity-based policy allows the iam:${action} action`,
        status: 403,
      });
    }
  });
  it("AssumeRoot: only once root sessions are on, from the management account or IAM's delegated administrator", async () => {
    await createOrganization(h);
    await h.organizations.send(new O.EnableAWSServiceAccessCommand({ ServicePrincipal: IAM }));
    const member = await createMember(h, "workload");
    const delegated = await createMember(h, "iam-admin");
    const admin = await iamUser(h, { managed: ["AdministratorAccess"] });
    const assumeRoot = (sts = admin.sts) =>
      sts.send(
        new S.AssumeRootCommand({
          TargetPrincipal: member.accountId,
          TaskPolicyArn: { arn: "arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials" },
        }),
      );
    const refused = (arn: string) => ({
      name: "AccessDenied",
      message: `User: ${arn} is not authorized to perform: sts:AssumeRoot on resource: arn:aws:iam::${member.accountId}:root`,
      status: 403,
    });
    assert.deepEqual(await awsError(assumeRoot()), refused(admin.arn));

    await h.iam.send(new I.EnableOrganizationsRootSessionsCommand({}));
    const { Credentials } = await assumeRoot();
    const session = sessionClients(h, Credentials);
    assert.equal((await session.sts.send(new S.GetCallerIdentityCommand({}))).Arn, `arn:aws:iam::${member.accountId}:root`);
    assert.equal((await session.iam.send(new I.ListAccessKeysCommand({}))).AccessKeyMetadata?.length, 0);
    assert.equal((await awsError(session.iam.send(new I.CreateUserCommand({ UserName: "nope" })))).name, "AccessDenied");

    // IAM's delegated administrator may too, through an administrator of its own.
    const root = rootClients(h, delegated.accountId);
    await root.iam.send(new I.CreateUserCommand({ UserName: "admin" }));
    await root.iam.send(new I.AttachUserPolicyCommand({ UserName: "admin", PolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }));
    const { AccessKey } = await root.iam.send(new I.CreateAccessKeyCommand({ UserName: "admin" }));
    const other = h.client(AccessKey!.AccessKeyId!, AccessKey!.SecretAccessKey!);
    const otherArn = `arn:aws:iam::${delegated.accountId}:user/admin`;
    assert.deepEqual(await awsError(assumeRoot(other.sts)), refused(otherArn));
    await h.organizations.send(new O.RegisterDelegatedAdministratorCommand({ AccountId: delegated.accountId, ServicePrincipal: IAM }));
    assert.ok((await assumeRoot(other.sts)).Credentials?.SessionToken);

    await h.iam.send(new I.DisableOrganizationsRootSessionsCommand({}));
    assert.deepEqual(await awsError(assumeRoot()), refused(admin.arn));
  });
});
