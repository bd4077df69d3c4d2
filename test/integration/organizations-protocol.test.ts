import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as O from "@aws-sdk/client-organizations";
import { startHarness, type Harness } from "../helpers/local-aws";
import { signedRequest } from "../helpers/signed-request";
import { createOrganization, orgError } from "../helpers/organizations";
import { ACCOUNT, allow, iamUser, policy } from "../helpers/iam-user";

describe("Organizations: JSON 1.1 wire format and authorization", () => {
  let h: Harness;
  before(async () => (h = await startHarness({ createAccountSeconds: 0 })));
  after(async () => h.stop());
  beforeEach(async () => h.reset());

  /** A raw AWS JSON 1.1 call signed with the root key, so the body can be checked byte for byte. */
  const call = (action: string, body: unknown = {}) =>
    signedRequest(
      h.aws.url,
      {
        headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": `AWSOrganizationsV20161128.${action}` },
        body: JSON.stringify(body),
      },
      { service: "organizations", accessKeyId: h.config.rootAccessKeyId, secretAccessKey: h.config.rootSecretAccessKey },
    );

  it("writes errors as __type and Message, with HTTP 400 and a request ID", async () => {
    const res = await call("DescribeOrganization");
    assert.equal(res.status, 400);
    assert.equal(res.headers["content-type"], "application/x-amz-json-1.1");
    assert.match(String(res.headers["x-amzn-requestid"]), /^[0-9a-f-]{36}$/);
    assert.deepEqual(JSON.parse(res.body), {
      __type: "AWSOrganizationsNotInUseException",
      Message: "Your account is not a member of an organization.",
    });
  });

  it("adds the Reason of ConstraintViolationException and InvalidInputException", async () => {
    const rootId = await createOrganization(h);
    let parent = rootId;
    for (let i = 0; i < 5; i++) {
      const res = await call("CreateOrganizationalUnit", { ParentId: parent, Name: `ou${i}` });
      assert.equal(res.status, 200, res.body);
      parent = JSON.parse(res.body).OrganizationalUnit.Id;
    }
    const deep = await call("CreateOrganizationalUnit", { ParentId: parent, Name: "too-deep" });
    assert.equal(deep.status, 400);
    assert.deepEqual(JSON.parse(deep.body), {
      __type: "ConstraintViolationException",
      Message: "You attempted to create an OU tree that is too many levels deep.",
      Reason: "OU_DEPTH_LIMIT_EXCEEDED",
    });
    const invalid = await call("ListRoots", { MaxResults: 0 });
    assert.deepEqual(
      [invalid.status, JSON.parse(invalid.body)],
      [
        400,
        {
          __type: "InvalidInputException",
          Message: "You provided a numeric parameter that has a smaller value than allowed.",
          Reason: "MIN_VALUE_EXCEEDED",
        },
      ],
    );
  });

  it("writes timestamps as epoch seconds", async () => {
    await createOrganization(h);
    const res = await call("ListAccounts");
    const [account] = JSON.parse(res.body).Accounts;
    assert.equal(typeof account.JoinedTimestamp, "number");
    assert.ok(Math.abs(account.JoinedTimestamp - Date.now() / 1000) < 60);
  });

  it("authorizes IAM users with organizations:* actions on Organizations ARNs, in AWS's AccessDenied words", async () => {
    const rootId = await createOrganization(h, undefined, ["SERVICE_CONTROL_POLICY"]);
    const { Organization } = await h.organizations.send(new O.DescribeOrganizationCommand({}));
    const nobody = await iamUser(h);
    assert.deepEqual(await orgError(nobody.organizations.send(new O.ListAccountsCommand({}))), {
      name: "AccessDeniedException",
      message: `User: ${nobody.arn} is not authorized to perform: organizations:ListAccounts on resource: * because no identity-based policy allows the organizations:ListAccounts action`,
      status: 400,
    });

    const { OrganizationalUnit: dev } = await h.organizations.send(
      new O.CreateOrganizationalUnitCommand({ ParentId: rootId, Name: "Dev", Tags: [{ Key: "env", Value: "dev" }] }),
    );
    const { OrganizationalUnit: prod } = await h.organizations.send(
      new O.CreateOrganizationalUnitCommand({ ParentId: rootId, Name: "Prod" }),
    );
    const ouArn = (id: string) => `arn:aws:organizations::${ACCOUNT}:ou/${Organization!.Id}/${id}`;
    const admin = await iamUser(h, {
      inline: policy(
        allow(["organizations:Describe*", "organizations:List*"]),
        allow("organizations:DeleteOrganizationalUnit", "*", { StringEquals: { "aws:ResourceTag/env": "dev" } }),
        allow("organizations:AttachPolicy", "*", { StringEquals: { "organizations:PolicyType": "TAG_POLICY" } }),
      ),
    });
    await admin.organizations.send(new O.ListAccountsCommand({}));
    assert.deepEqual(await orgError(admin.organizations.send(new O.DeleteOrganizationalUnitCommand({ OrganizationalUnitId: prod!.Id }))), {
      name: "AccessDeniedException",
      message: `User: ${admin.arn} is not authorized to perform: organizations:DeleteOrganizationalUnit on resource: ${ouArn(prod!.Id!)} because no identity-based policy allows the organizations:DeleteOrganizationalUnit action`,
      status: 400,
    });
    await admin.organizations.send(new O.DeleteOrganizationalUnitCommand({ OrganizationalUnitId: dev!.Id }));
    const attach = await orgError(admin.organizations.send(new O.AttachPolicyCommand({ PolicyId: "p-FullAWSAccess", TargetId: rootId })));
    assert.equal(
      attach.message,
      `User: ${admin.arn} is not authorized to perform: organizations:AttachPolicy on resource: arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess because no identity-based policy allows the organizations:AttachPolicy action`,
    );
  });

  it("asks for organizations:TagResource too when a create request carries tags", async () => {
    const rootId = await createOrganization(h);
    const user = await iamUser(h, { inline: policy(allow("organizations:CreateOrganizationalUnit")) });
    await user.organizations.send(new O.CreateOrganizationalUnitCommand({ ParentId: rootId, Name: "Plain" }));
    const tagged = new O.CreateOrganizationalUnitCommand({ ParentId: rootId, Name: "Tagged", Tags: [{ Key: "k", Value: "v" }] });
    const { message } = await orgError(user.organizations.send(tagged));
    assert.match(message, /is not authorized to perform: organizations:TagResource on resource: arn:aws:organizations::\d{12}:root\//);
  });
});
