import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as O from "@aws-sdk/client-organizations";
import { GetRoleCommand, ListAttachedRolePoliciesCommand } from "@aws-sdk/client-iam";
import { startHarness, unique, type Harness } from "../helpers/local-aws";
import { createMember, createOrganization, orgError, rootClients } from "../helpers/organizations";
import { ACCOUNT } from "../helpers/iam-user";

const DENIED = { name: "AccessDeniedException", message: "You don't have permissions to access this resource.", status: 400 };

describe("Organizations: CreateAccount", () => {
  let h: Harness;
  let rootId: string;
  before(async () => (h = await startHarness({ createAccountSeconds: 0, accountsPerOrganization: 3 })));
  after(async () => h.stop());
  beforeEach(async () => {
    await h.reset();
    rootId = await createOrganization(h, undefined, ["SERVICE_CONTROL_POLICY"]);
  });

  const create = (input: Partial<O.CreateAccountRequest> = {}) => {
    const name = unique("acct");
    return h.organizations.send(new O.CreateAccountCommand({ Email: `${name}@example.com`, AccountName: name, ...input }));
  };
  const status = async (CreateAccountRequestId: string) =>
    (await h.organizations.send(new O.DescribeCreateAccountStatusCommand({ CreateAccountRequestId }))).CreateAccountStatus!;

  it("answers IN_PROGRESS, then SUCCEEDED with a new member account under the root", async () => {
    const tags = [{ Key: "team", Value: "dev" }];
    const { CreateAccountStatus } = await create({ AccountName: "Dev", Email: "dev@example.com", Tags: tags });
    assert.equal(CreateAccountStatus!.State, "IN_PROGRESS");
    assert.match(CreateAccountStatus!.Id!, /^car-[a-z0-9]{8,32}$/);
    assert.equal(CreateAccountStatus!.AccountName, "Dev");
    assert.ok(CreateAccountStatus!.RequestedTimestamp instanceof Date);
    assert.equal(CreateAccountStatus!.AccountId, undefined);

    const done = await status(CreateAccountStatus!.Id!);
    assert.equal(done.State, "SUCCEEDED");
    assert.match(done.AccountId!, /^\d{12}$/);
    assert.ok(done.CompletedTimestamp instanceof Date);
    const { Account } = await h.organizations.send(new O.DescribeAccountCommand({ AccountId: done.AccountId }));
    const { Organization } = await h.organizations.send(new O.DescribeOrganizationCommand({}));
    assert.deepEqual(
      { ...Account, JoinedTimestamp: undefined },
      {
        Id: done.AccountId,
        Arn: `arn:aws:organizations::${ACCOUNT}:account/${Organization!.Id}/${done.AccountId}`,
        Email: "dev@example.com",
        Name: "Dev",
        Status: "ACTIVE",
        State: "ACTIVE",
        Paths: [`${Organization!.Id}/${rootId}/${done.AccountId}/`],
        JoinedMethod: "CREATED",
        JoinedTimestamp: undefined,
      },
    );
    const parents = await h.organizations.send(new O.ListParentsCommand({ ChildId: done.AccountId }));
    assert.deepEqual(parents.Parents, [{ Id: rootId, Type: "ROOT" }]);
    const scps = await h.organizations.send(
      new O.ListPoliciesForTargetCommand({ TargetId: done.AccountId, Filter: "SERVICE_CONTROL_POLICY" }),
    );
    assert.deepEqual(
      scps.Policies!.map((p) => p.Id),
      ["p-FullAWSAccess"],
    );
    assert.deepEqual((await h.organizations.send(new O.ListTagsForResourceCommand({ ResourceId: done.AccountId }))).Tags, tags);
  });

  it("stays IN_PROGRESS until the configured delay has passed", async () => {
    const slow = await startHarness({ createAccountSeconds: 3600 });
    try {
      await createOrganization(slow);
      const { CreateAccountStatus } = await slow.organizations.send(
        new O.CreateAccountCommand({ Email: "slow@example.com", AccountName: "Slow" }),
      );
      const again = await slow.organizations.send(
        new O.DescribeCreateAccountStatusCommand({ CreateAccountRequestId: CreateAccountStatus!.Id }),
      );
      assert.equal(again.CreateAccountStatus!.State, "IN_PROGRESS");
      const { Accounts } = await slow.organizations.send(new O.ListAccountsCommand({}));
      assert.equal(Accounts!.length, 1);
    } finally {
      await slow.stop();
    }
  });

  it("gives the new account OrganizationAccountAccessRole, trusted by the management account, with AdministratorAccess", async () => {
    const { accountId } = await createMember(h);
    const member = rootClients(h, accountId);
    const { Role } = await member.iam.send(new GetRoleCommand({ RoleName: "OrganizationAccountAccessRole" }));
    assert.equal(Role!.Arn, `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`);
    assert.deepEqual(JSON.parse(decodeURIComponent(Role!.AssumeRolePolicyDocument!)), {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "sts:AssumeRole" }],
    });
    const attached = await member.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: "OrganizationAccountAccessRole" }));
    assert.deepEqual(attached.AttachedPolicies, [
      { PolicyName: "AdministratorAccess", PolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess" },
    ]);
    // The management account's own IAM has no such role: the role lives in the member account.
    const own = await orgError(h.iam.send(new GetRoleCommand({ RoleName: "OrganizationAccountAccessRole" })));
    assert.equal(own.name, "NoSuchEntityException");
  });

  it("honours RoleName and refuses the service-linked prefix", async () => {
    const { CreateAccountStatus } = await create({ RoleName: "OrgAdmin" });
    const { AccountId } = await status(CreateAccountStatus!.Id!);
    const row = h.aws.db.prepare("SELECT name FROM roles WHERE account_id = ?").all(AccountId) as { name: string }[];
    assert.deepEqual(row, [{ name: "OrgAdmin" }]);
    assert.deepEqual(await orgError(create({ RoleName: "AWSServiceRoleForX" })), {
      name: "InvalidInputException",
      message: "You provided a role name that isn't valid. A role name can't begin with the reserved prefix AWSServiceRoleFor.",
      reason: "INVALID_ROLE_NAME",
      status: 400,
    });
  });

  it("fails asynchronously with EMAIL_ALREADY_EXISTS and ACCOUNT_LIMIT_EXCEEDED", async () => {
    const taken = await create({ Email: h.config.rootEmail });
    assert.equal(taken.CreateAccountStatus!.State, "IN_PROGRESS");
    const failed = await status(taken.CreateAccountStatus!.Id!);
    assert.equal(failed.State, "FAILED");
    assert.equal(failed.FailureReason, "EMAIL_ALREADY_EXISTS");
    assert.equal(failed.AccountId, undefined);
    // The quota is 3 here: the management account and two members.
    await createMember(h);
    await createMember(h);
    const over = await create();
    const refused = await status(over.CreateAccountStatus!.Id!);
    assert.deepEqual([refused.State, refused.FailureReason], ["FAILED", "ACCOUNT_LIMIT_EXCEEDED"]);

    const all = await h.organizations.send(new O.ListCreateAccountStatusCommand({}));
    assert.equal(all.CreateAccountStatuses!.length, 4);
    const failures = await h.organizations.send(new O.ListCreateAccountStatusCommand({ States: ["FAILED"] }));
    assert.deepEqual(
      failures.CreateAccountStatuses!.map((s) => s.FailureReason),
      ["EMAIL_ALREADY_EXISTS", "ACCOUNT_LIMIT_EXCEEDED"],
    );
  });

  it("validates the request and answers unknown request IDs", async () => {
    assert.deepEqual(await orgError(create({ AccountName: "x".repeat(51) })), {
      name: "InvalidInputException",
      message: "You provided a string parameter that is longer than allowed.",
      reason: "MAX_LENGTH_EXCEEDED",
      status: 400,
    });
    assert.equal((await orgError(create({ Email: "not-an-email" }))).reason, "INVALID_PATTERN");
    assert.deepEqual(await orgError(status("car-0123456789abcdef")), {
      name: "CreateAccountStatusNotFoundException",
      message: "We can't find an create account request with the CreateAccountRequestId that you specified.",
      status: 400,
    });
    const gov = new O.CreateGovCloudAccountCommand({ Email: "gov@example.com", AccountName: "Gov" });
    assert.deepEqual(await orgError(h.organizations.send(gov)), {
      name: "ConstraintViolationException",
      message:
        "To complete this operation, the management account must have an associated account in the Amazon Web Services GovCloud (US-West) Region. For more information, see Organizations in the Amazon Web Services GovCloud User Guide.",
      reason: "MASTER_ACCOUNT_NOT_GOVCLOUD_ENABLED",
      status: 400,
    });
  });
});

describe("Organizations: member accounts", () => {
  let h: Harness;
  let rootId: string;
  before(async () => (h = await startHarness({ createAccountSeconds: 0, createdAccountMinAgeSeconds: 0 })));
  after(async () => h.stop());
  beforeEach(async () => {
    await h.reset();
    rootId = await createOrganization(h, undefined, ["SERVICE_CONTROL_POLICY"]);
  });

  it("lists accounts, and accounts of a parent", async () => {
    const a = await createMember(h, "alpha");
    const b = await createMember(h, "beta");
    const { OrganizationalUnit } = await h.organizations.send(new O.CreateOrganizationalUnitCommand({ ParentId: rootId, Name: "Dev" }));
    await h.organizations.send(
      new O.MoveAccountCommand({ AccountId: b.accountId, SourceParentId: rootId, DestinationParentId: OrganizationalUnit!.Id }),
    );
    const { Accounts } = await h.organizations.send(new O.ListAccountsCommand({}));
    assert.deepEqual(
      Accounts!.map((x) => x.Id),
      [ACCOUNT, a.accountId, b.accountId],
    );
    const inOu = await h.organizations.send(new O.ListAccountsForParentCommand({ ParentId: OrganizationalUnit!.Id }));
    assert.deepEqual(
      inOu.Accounts!.map((x) => x.Name),
      ["beta"],
    );
    const { Account } = await h.organizations.send(new O.DescribeAccountCommand({ AccountId: b.accountId }));
    assert.match(Account!.Paths![0], new RegExp(`/${rootId}/${OrganizationalUnit!.Id}/${b.accountId}/$`));
    assert.deepEqual(await orgError(h.organizations.send(new O.DescribeAccountCommand({ AccountId: "123456789012" }))), {
      name: "AccountNotFoundException",
      message: "You specified an account that doesn't exist.",
      status: 400,
    });
  });

  it("moves an account between parents with AWS's errors", async () => {
    const { accountId } = await createMember(h);
    const ou = (await h.organizations.send(new O.CreateOrganizationalUnitCommand({ ParentId: rootId, Name: "Dev" }))).OrganizationalUnit!;
    const move = (SourceParentId: string, DestinationParentId: string, AccountId = accountId) =>
      h.organizations.send(new O.MoveAccountCommand({ AccountId, SourceParentId, DestinationParentId }));
    const missingOu = `ou-${rootId.slice(2)}-zzzzzzzz`;
    assert.deepEqual(await orgError(move(missingOu, ou.Id!)), {
      name: "SourceParentNotFoundException",
      message: "We can't find a source root or OU with the ParentId that you specified.",
      status: 400,
    });
    assert.deepEqual(await orgError(move(rootId, missingOu)), {
      name: "DestinationParentNotFoundException",
      message: "We can't find the destination container (a root or OU) with the ParentId that you specified.",
      status: 400,
    });
    assert.deepEqual(await orgError(move(rootId, rootId)), {
      name: "DuplicateAccountException",
      message: "That account is already present in the specified destination.",
      status: 400,
    });
    await move(rootId, ou.Id!);
    // The account isn't under the source any more: AWS says it doesn't exist.
    assert.equal((await orgError(move(rootId, ou.Id!))).name, "AccountNotFoundException");
    assert.equal((await orgError(move(rootId, ou.Id!, "123456789012"))).name, "AccountNotFoundException");
  });

  it("removes a member account (its attachments and tags go with it), never the management account", async () => {
    const { accountId } = await createMember(h);
    await h.organizations.send(new O.TagResourceCommand({ ResourceId: accountId, Tags: [{ Key: "k", Value: "v" }] }));
    await h.organizations.send(new O.RemoveAccountFromOrganizationCommand({ AccountId: accountId }));
    const { Accounts } = await h.organizations.send(new O.ListAccountsCommand({}));
    assert.deepEqual(
      Accounts!.map((a) => a.Id),
      [ACCOUNT],
    );
    const left = h.aws.db.prepare(
      "SELECT (SELECT COUNT(*) FROM org_tags WHERE resource_id = ?) + (SELECT COUNT(*) FROM org_attachments WHERE target_id = ?) AS n",
    );
    assert.deepEqual(left.get(accountId, accountId), { n: 0 });
    assert.deepEqual(await orgError(h.organizations.send(new O.RemoveAccountFromOrganizationCommand({ AccountId: ACCOUNT }))), {
      name: "MasterCannotLeaveOrganizationException",
      message:
        "You can't remove a management account from an organization. If you want the management account to become a member account in another organization, you must first delete the current organization of the management account.",
      status: 400,
    });
    assert.deepEqual(await orgError(h.organizations.send(new O.LeaveOrganizationCommand({}))), {
      name: "MasterCannotLeaveOrganizationException",
      message:
        "You can't remove a management account from an organization. If you want the management account to become a member account in another organization, you must first delete the current organization of the management account.",
      status: 400,
    });
  });

  it("makes a created account wait before it can be removed or leave", async () => {
    const waiting = await startHarness({ createAccountSeconds: 0 });
    try {
      await createOrganization(waiting);
      const { accountId } = await createMember(waiting);
      const waitPeriod = {
        name: "ConstraintViolationException",
        message: "This operation requires a wait period.  Try again later.",
        reason: "WAIT_PERIOD_ACTIVE",
        status: 400,
      };
      assert.deepEqual(
        await orgError(waiting.organizations.send(new O.RemoveAccountFromOrganizationCommand({ AccountId: accountId }))),
        waitPeriod,
      );
      const member = rootClients(waiting, accountId);
      assert.deepEqual(await orgError(member.organizations.send(new O.LeaveOrganizationCommand({}))), waitPeriod);
    } finally {
      await waiting.stop();
    }
  });

  it("lets a member account leave", async () => {
    const { accountId } = await createMember(h);
    const member = rootClients(h, accountId);
    await member.organizations.send(new O.LeaveOrganizationCommand({}));
    assert.deepEqual(await orgError(member.organizations.send(new O.DescribeOrganizationCommand({}))), {
      name: "AWSOrganizationsNotInUseException",
      message: "Your account is not a member of an organization.",
      status: 400,
    });
  });

  it("closes a member account: PENDING_CLOSURE, then SUSPENDED", async () => {
    const { accountId } = await createMember(h);
    await h.organizations.send(new O.CloseAccountCommand({ AccountId: accountId }));
    const state = () => h.aws.db.prepare("SELECT state FROM accounts WHERE account_id = ?").get(accountId) as { state: string };
    assert.deepEqual(state(), { state: "PENDING_CLOSURE" });
    const { Account } = await h.organizations.send(new O.DescribeAccountCommand({ AccountId: accountId }));
    assert.deepEqual([Account!.State, Account!.Status], ["SUSPENDED", "SUSPENDED"]);
    assert.deepEqual(await orgError(h.organizations.send(new O.CloseAccountCommand({ AccountId: accountId }))), {
      name: "AccountAlreadyClosedException",
      message: "You attempted to close an account that is already closed.",
      status: 400,
    });
    assert.deepEqual(await orgError(h.organizations.send(new O.CloseAccountCommand({ AccountId: ACCOUNT }))), {
      name: "ConstraintViolationException",
      message:
        "You attempted to close the management account. To close the management account for the organization, you must first either remove or close all member accounts in the organization. Follow standard account closure process using root credentials.",
      reason: "CANNOT_CLOSE_MANAGEMENT_ACCOUNT",
      status: 400,
    });
  });

  it("stops a closed account's credentials at once", async () => {
    const { accountId } = await createMember(h);
    const member = rootClients(h, accountId);
    await member.organizations.send(new O.DescribeOrganizationCommand({}));
    await h.organizations.send(new O.CloseAccountCommand({ AccountId: accountId }));
    const refused = await orgError(member.iam.send(new GetRoleCommand({ RoleName: "OrganizationAccountAccessRole" })));
    assert.deepEqual(refused, {
      name: "InvalidClientTokenId",
      message: "The security token included in the request is invalid.",
      status: 403,
    });
    assert.equal((await orgError(member.organizations.send(new O.DescribeOrganizationCommand({})))).name, "UnrecognizedClientException");
  });

  it("refuses a member account the management account's operations, and lets it describe its organization", async () => {
    const { accountId } = await createMember(h);
    const member = rootClients(h, accountId);
    const { Organization } = await member.organizations.send(new O.DescribeOrganizationCommand({}));
    assert.equal(Organization!.MasterAccountId, ACCOUNT);
    const refused = [
      new O.ListAccountsCommand({}),
      new O.DescribeAccountCommand({ AccountId: accountId }),
      new O.ListRootsCommand({}),
      new O.CreateOrganizationalUnitCommand({ ParentId: rootId, Name: "x" }),
      new O.CreateAccountCommand({ Email: "m@example.com", AccountName: "m" }),
      new O.ListPoliciesCommand({ Filter: "SERVICE_CONTROL_POLICY" }),
      new O.AttachPolicyCommand({ PolicyId: "p-FullAWSAccess", TargetId: accountId }),
      new O.DeleteOrganizationCommand({}),
      new O.RemoveAccountFromOrganizationCommand({ AccountId: accountId }),
      new O.InviteAccountToOrganizationCommand({ Target: { Type: "ACCOUNT", Id: "123456789012" } }),
      new O.ListHandshakesForOrganizationCommand({}),
      new O.EnableAWSServiceAccessCommand({ ServicePrincipal: "config.amazonaws.com" }),
    ];
    for (const c of refused) assert.deepEqual(await orgError(member.organizations.send(c as never)), DENIED, c.constructor.name);
  });
});
