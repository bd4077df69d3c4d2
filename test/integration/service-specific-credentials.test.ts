import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CreateServiceSpecificCredentialCommand,
  CreateUserCommand,
  DeleteServiceSpecificCredentialCommand,
  DeleteUserCommand,
  ListServiceSpecificCredentialsCommand,
  ResetServiceSpecificCredentialCommand,
  UpdateServiceSpecificCredentialCommand,
} from "@aws-sdk/client-iam";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";
import { allow, iamUser, policy } from "../helpers/iam-user";

const ACCOUNT = "000000000000";
const CODECOMMIT = "codecommit.amazonaws.com";
const KEYSPACES = "cassandra.amazonaws.com";
const BEDROCK = "bedrock.amazonaws.com";

describe("IAM service-specific credentials", () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());

  const newUser = async () => {
    const name = unique("ssc-user");
    await h.iam.send(new CreateUserCommand({ UserName: name }));
    return name;
  };
  const create = (UserName: string, ServiceName: string, CredentialAgeDays?: number) =>
    h.iam.send(new CreateServiceSpecificCredentialCommand({ UserName, ServiceName, CredentialAgeDays }));

  it("creates Git credentials: user-at-account, a password shown once, an ACCA ID", async () => {
    const user = await newUser();
    const { ServiceSpecificCredential: c } = await create(user, CODECOMMIT);
    assert.equal(c!.UserName, user);
    assert.equal(c!.ServiceName, CODECOMMIT);
    assert.equal(c!.ServiceUserName, `${user}-at-${ACCOUNT}`);
    assert.match(c!.ServicePassword!, /^[A-Za-z0-9+/]{43}=$/);
    assert.match(c!.ServiceSpecificCredentialId!, /^ACCA[A-Z2-7]{16}$/);
    assert.equal(c!.Status, "Active");
    assert.equal(c!.ExpirationDate, undefined);
    assert.equal(c!.ServiceCredentialSecret, undefined);

    const { ServiceSpecificCredentials: listed } = await h.iam.send(new ListServiceSpecificCredentialsCommand({ UserName: user }));
    assert.equal(listed!.length, 1);
    assert.equal("ServicePassword" in listed![0], false);
    assert.equal(listed![0].ServiceUserName, `${user}-at-${ACCOUNT}`);

    const { ServiceSpecificCredential: reset } = await h.iam.send(
      new ResetServiceSpecificCredentialCommand({ UserName: user, ServiceSpecificCredentialId: c!.ServiceSpecificCredentialId }),
    );
    assert.notEqual(reset!.ServicePassword, c!.ServicePassword);
    assert.equal(reset!.ServiceSpecificCredentialId, c!.ServiceSpecificCredentialId);
  });

  it("creates Bedrock API keys with an alias, a secret and an expiry when CredentialAgeDays is given", async () => {
    const user = await newUser();
    const before = Date.now();
    const { ServiceSpecificCredential: c } = await create(user, BEDROCK, 30);
    assert.equal(c!.ServiceCredentialAlias, `${user}-at-${ACCOUNT}`);
    assert.ok(c!.ServiceCredentialSecret);
    assert.equal(c!.ServicePassword, undefined);
    assert.equal(c!.ServiceUserName, undefined);
    const days = (c!.ExpirationDate!.getTime() - c!.CreateDate!.getTime()) / 86_400_000;
    assert.equal(days, 30);
    assert.ok(c!.CreateDate!.getTime() >= before - 1000);
    const e = await awsError(create(user, CODECOMMIT, 30));
    assert.deepEqual(e, {
      name: "InvalidInputException",
      message: "CredentialAgeDays is not supported for service codecommit.amazonaws.com.",
      status: 400,
    });
  });

  it("reads a credential past its expiration date as Expired", async () => {
    const user = await newUser();
    const { ServiceSpecificCredential: c } = await create(user, BEDROCK, 1);
    h.aws.db
      .prepare("UPDATE service_specific_credentials SET expiration_date = ? WHERE credential_id = ?")
      .run(new Date(Date.now() - 1000).toISOString(), c!.ServiceSpecificCredentialId);
    const { ServiceSpecificCredentials } = await h.iam.send(new ListServiceSpecificCredentialsCommand({ UserName: user }));
    assert.equal(ServiceSpecificCredentials![0].Status, "Expired");
    const e = await awsError(
      h.iam.send(
        new UpdateServiceSpecificCredentialCommand({
          UserName: user,
          ServiceSpecificCredentialId: c!.ServiceSpecificCredentialId,
          Status: "Expired",
        }),
      ),
    );
    assert.equal(e.name, "InvalidInputException");
  });

  it("refuses other services (NotSupportedService, 404) and a third credential for one service (LimitExceeded)", async () => {
    const user = await newUser();
    assert.deepEqual(await awsError(create(user, "s3.amazonaws.com")), {
      name: "ServiceNotSupportedException",
      message: "The specified service s3.amazonaws.com is not supported.",
      status: 404,
    });
    await create(user, KEYSPACES);
    await create(user, KEYSPACES);
    assert.deepEqual(await awsError(create(user, KEYSPACES)), {
      name: "LimitExceededException",
      message: "Cannot exceed quota for ServiceSpecificCredentialsPerUserPerService: 2",
      status: 409,
    });
    await create(user, CODECOMMIT);
    const list = (ServiceName?: string) => h.iam.send(new ListServiceSpecificCredentialsCommand({ UserName: user, ServiceName }));
    assert.equal((await list()).ServiceSpecificCredentials!.length, 3);
    assert.deepEqual(
      (await list(KEYSPACES)).ServiceSpecificCredentials!.map((c) => c.ServiceName),
      [KEYSPACES, KEYSPACES],
    );
    const paged = await h.iam.send(new ListServiceSpecificCredentialsCommand({ UserName: user, MaxItems: 2 }));
    assert.equal(paged.IsTruncated, true);
    const rest = await h.iam.send(new ListServiceSpecificCredentialsCommand({ UserName: user, Marker: paged.Marker }));
    assert.equal(rest.ServiceSpecificCredentials!.length, 1);
  });

  it("deactivates and deletes; DeleteUser waits for them; another user's credential is NoSuchEntity", async () => {
    const user = await newUser();
    const id = (await create(user, CODECOMMIT)).ServiceSpecificCredential!.ServiceSpecificCredentialId!;
    await h.iam.send(new UpdateServiceSpecificCredentialCommand({ UserName: user, ServiceSpecificCredentialId: id, Status: "Inactive" }));
    const status = (await h.iam.send(new ListServiceSpecificCredentialsCommand({ UserName: user }))).ServiceSpecificCredentials![0].Status;
    assert.equal(status, "Inactive");
    assert.deepEqual(await awsError(h.iam.send(new DeleteUserCommand({ UserName: user }))), {
      name: "DeleteConflictException",
      message: "Cannot delete entity, must delete service specific credentials first.",
      status: 409,
    });
    const other = await newUser();
    const elsewhere = await awsError(
      h.iam.send(new DeleteServiceSpecificCredentialCommand({ UserName: other, ServiceSpecificCredentialId: id })),
    );
    assert.deepEqual(elsewhere, {
      name: "NoSuchEntityException",
      message: `The Service Specific Credential with id ${id} cannot be found.`,
      status: 404,
    });
    await h.iam.send(new DeleteServiceSpecificCredentialCommand({ UserName: user, ServiceSpecificCredentialId: id }));
    await h.iam.send(new DeleteUserCommand({ UserName: user }));
  });

  it("lists every user's with AllUsers (not with a UserName), and the caller's own without either", async () => {
    const a = await newUser();
    const b = await newUser();
    await create(a, CODECOMMIT);
    await create(b, CODECOMMIT);
    const all = await h.iam.send(new ListServiceSpecificCredentialsCommand({ AllUsers: true, ServiceName: CODECOMMIT }));
    const owners = new Set(all.ServiceSpecificCredentials!.map((c) => c.UserName));
    assert.ok(owners.has(a) && owners.has(b));
    const both = await awsError(h.iam.send(new ListServiceSpecificCredentialsCommand({ AllUsers: true, UserName: a })));
    assert.equal(both.name, "InvalidInputException");

    const me = await iamUser(h, {
      inline: policy(allow("iam:*ServiceSpecificCredential*", "arn:aws:iam::*:user/${aws:username}")),
    });
    await h.iam.send(new CreateServiceSpecificCredentialCommand({ UserName: me.name, ServiceName: KEYSPACES }));
    const mine = await me.iam.send(new ListServiceSpecificCredentialsCommand({}));
    assert.deepEqual(
      mine.ServiceSpecificCredentials!.map((c) => c.UserName),
      [me.name],
    );
    const id = mine.ServiceSpecificCredentials![0].ServiceSpecificCredentialId!;
    const { ServiceSpecificCredential } = await me.iam.send(new ResetServiceSpecificCredentialCommand({ ServiceSpecificCredentialId: id }));
    assert.ok(ServiceSpecificCredential!.ServicePassword);
    const denied = await awsError(me.iam.send(new ListServiceSpecificCredentialsCommand({ UserName: a })));
    assert.equal(denied.name, "AccessDenied");
    assert.match(denied.message, new RegExp(`iam:ListServiceSpecificCredentials on resource: user ${a} because`));
  });
});
