import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as O from "@aws-sdk/client-organizations";
import { startHarness, type Harness } from "../helpers/local-aws";
import { createMember, createOrganization, orgError, rootClients } from "../helpers/organizations";
import { ACCOUNT } from "../helpers/iam-user";

const CONFIG = "config.amazonaws.com";

describe("Organizations: trusted service access, delegated administrators, resource policy", () => {
  let h: Harness;
  let rootId: string;
  before(async () => (h = await startHarness({ createAccountSeconds: 0, createdAccountMinAgeSeconds: 0 })));
  after(async () => h.stop());
  beforeEach(async () => {
    await h.reset();
    rootId = await createOrganization(h);
  });

  const register = (AccountId: string, ServicePrincipal = CONFIG) =>
    h.organizations.send(new O.RegisterDelegatedAdministratorCommand({ AccountId, ServicePrincipal }));

  it("enables, lists and disables service access", async () => {
    await h.organizations.send(new O.EnableAWSServiceAccessCommand({ ServicePrincipal: CONFIG }));
    await h.organizations.send(new O.EnableAWSServiceAccessCommand({ ServicePrincipal: "sso.amazonaws.com" }));
    const { EnabledServicePrincipals } = await h.organizations.send(new O.ListAWSServiceAccessForOrganizationCommand({}));
    assert.deepEqual(
      EnabledServicePrincipals!.map((s) => s.ServicePrincipal),
      [CONFIG, "sso.amazonaws.com"],
    );
    assert.ok(EnabledServicePrincipals![0].DateEnabled instanceof Date);
    await h.organizations.send(new O.DisableAWSServiceAccessCommand({ ServicePrincipal: CONFIG }));
    const after = await h.organizations.send(new O.ListAWSServiceAccessForOrganizationCommand({}));
    assert.deepEqual(
      after.EnabledServicePrincipals!.map((s) => s.ServicePrincipal),
      ["sso.amazonaws.com"],
    );
    const unknown = new O.EnableAWSServiceAccessCommand({ ServicePrincipal: "not-a-service" });
    assert.equal((await orgError(h.organizations.send(unknown))).reason, "UNRECOGNIZED_SERVICE_PRINCIPAL");
  });

  it("registers a member as delegated administrator once service access is enabled", async () => {
    const { accountId } = await createMember(h, "Security");
    assert.deepEqual(await orgError(register(accountId)), {
      name: "ConstraintViolationException",
      message:
        "You must enable service access before you delegate an administrator for this service. Call the AWS API EnableAWSServiceAccess first.",
      reason: "SERVICE_ACCESS_NOT_ENABLED",
      status: 400,
    });
    await h.organizations.send(new O.EnableAWSServiceAccessCommand({ ServicePrincipal: CONFIG }));
    assert.equal((await orgError(register(ACCOUNT))).reason, "CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR");
    assert.equal((await orgError(register("123456789012"))).name, "AccountNotFoundException");
    await register(accountId);
    assert.deepEqual(await orgError(register(accountId)), {
      name: "AccountAlreadyRegisteredException",
      message: "The specified account is already a delegated administrator for this Amazon Web Services service.",
      status: 400,
    });
    const { DelegatedAdministrators } = await h.organizations.send(new O.ListDelegatedAdministratorsCommand({ ServicePrincipal: CONFIG }));
    assert.deepEqual(
      DelegatedAdministrators!.map((d) => [d.Id, d.Name, d.JoinedMethod]),
      [[accountId, "Security", "CREATED"]],
    );
    assert.ok(DelegatedAdministrators![0].DelegationEnabledDate instanceof Date);
    const services = await h.organizations.send(new O.ListDelegatedServicesForAccountCommand({ AccountId: accountId }));
    assert.deepEqual(
      services.DelegatedServices!.map((s) => s.ServicePrincipal),
      [CONFIG],
    );
    assert.equal(
      (await orgError(h.organizations.send(new O.RemoveAccountFromOrganizationCommand({ AccountId: accountId })))).reason,
      "CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG",
    );

    // A delegated administrator reads the organization, but may not change it.
    const admin = rootClients(h, accountId);
    const { Accounts } = await admin.organizations.send(new O.ListAccountsCommand({}));
    assert.equal(Accounts!.length, 2);
    await admin.organizations.send(new O.ListChildrenCommand({ ParentId: rootId, ChildType: "ACCOUNT" }));
    const write = new O.CreateOrganizationalUnitCommand({ ParentId: rootId, Name: "x" });
    assert.equal((await orgError(admin.organizations.send(write))).name, "AccessDeniedException");

    await h.organizations.send(new O.DeregisterDelegatedAdministratorCommand({ AccountId: accountId, ServicePrincipal: CONFIG }));
    const again = new O.DeregisterDelegatedAdministratorCommand({ AccountId: accountId, ServicePrincipal: CONFIG });
    assert.deepEqual(await orgError(h.organizations.send(again)), {
      name: "AccountNotRegisteredException",
      message: "The specified account is not a delegated administrator for this Amazon Web Services service.",
      status: 400,
    });
    assert.equal((await orgError(admin.organizations.send(new O.ListAccountsCommand({})))).name, "AccessDeniedException");
  });

  it("needs all features for service access", async () => {
    await h.organizations.send(new O.DeleteOrganizationCommand({}));
    await createOrganization(h, "CONSOLIDATED_BILLING");
    assert.deepEqual(await orgError(h.organizations.send(new O.EnableAWSServiceAccessCommand({ ServicePrincipal: CONFIG }))), {
      name: "ConstraintViolationException",
      message:
        "You attempted to perform an operation that requires the organization to be configured to support all features. An organization that supports only consolidated billing features can't perform this operation.",
      reason: "ORGANIZATION_NOT_IN_ALL_FEATURES_MODE",
      status: 400,
    });
  });

  it("stores the organization's resource policy", async () => {
    const notFound = {
      name: "ResourcePolicyNotFoundException",
      message: "We can't find a resource policy request with the parameter that you specified.",
      status: 400,
    };
    assert.deepEqual(await orgError(h.organizations.send(new O.DescribeResourcePolicyCommand({}))), notFound);
    const Content = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "organizations:Describe*", Resource: "*" },
      ],
    });
    const { ResourcePolicy } = await h.organizations.send(new O.PutResourcePolicyCommand({ Content, Tags: [{ Key: "k", Value: "v" }] }));
    const { Organization } = await h.organizations.send(new O.DescribeOrganizationCommand({}));
    const id = ResourcePolicy!.ResourcePolicySummary!.Id!;
    assert.equal(ResourcePolicy!.ResourcePolicySummary!.Arn, `arn:aws:organizations::${ACCOUNT}:resourcepolicy/${Organization!.Id}/${id}`);
    assert.deepEqual((await h.organizations.send(new O.DescribeResourcePolicyCommand({}))).ResourcePolicy, ResourcePolicy);
    assert.deepEqual((await h.organizations.send(new O.ListTagsForResourceCommand({ ResourceId: id }))).Tags, [{ Key: "k", Value: "v" }]);
    const iamAction = Content.replace("organizations:Describe*", "iam:GetUser");
    assert.equal(
      (await orgError(h.organizations.send(new O.PutResourcePolicyCommand({ Content: iamAction })))).reason,
      "UNSUPPORTED_ACTION_IN_RESOURCE_POLICY",
    );
    assert.equal(
      (await orgError(h.organizations.send(new O.PutResourcePolicyCommand({ Content: "{" })))).reason,
      "INVALID_RESOURCE_POLICY_JSON",
    );
    await h.organizations.send(new O.DeleteResourcePolicyCommand({}));
    assert.deepEqual(await orgError(h.organizations.send(new O.DeleteResourcePolicyCommand({}))), notFound);
  });
});
