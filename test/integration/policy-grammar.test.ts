import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetRoleCommand,
  PutUserPolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from "@aws-sdk/client-iam";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";

const V = "2012-10-17";
const doc = (statement: Record<string, unknown>) => JSON.stringify({ Version: V, Statement: [statement] });
const unversioned = (statement: Record<string, unknown>) => JSON.stringify({ Statement: [statement] });
const s3Read = { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket/*" };
const ec2Trust = { Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" };

describe("IAM policy grammar (MalformedPolicyDocument)", () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());

  const malformed = async (p: Promise<unknown>, message: string) => {
    const e = await awsError(p);
    assert.deepEqual(e, { name: "MalformedPolicyDocumentException", message, status: 400 });
  };

  describe("CreatePolicy", () => {
    const create = (PolicyDocument: string) => h.iam.send(new CreatePolicyCommand({ PolicyName: unique("grammar"), PolicyDocument }));

    it("rejects invalid JSON", () => malformed(create('{"Version": "2012-10-17", "Statement": [}'), "Syntax errors in policy."));
    it("rejects an invalid Effect", () => malformed(create(doc({ ...s3Read, Effect: "Permit" })), "Syntax errors in policy."));
    it("rejects a statement without actions", () =>
      malformed(create(doc({ ...s3Read, Action: undefined })), "Policy statement must contain actions."));
    it("rejects a statement without resources", () => {
      return malformed(create(doc({ ...s3Read, Resource: undefined })), "Policy statement must contain resources.");
    });
    it("rejects an action without a vendor", () => {
      return malformed(
        create(doc({ ...s3Read, Action: "GetObject" })),
        "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.",
      );
    });
    it("rejects a resource that is not an ARN", () => {
      return malformed(create(doc({ ...s3Read, Resource: "bucket/*" })), 'Resource bucket/* must be in ARN format or "*".');
    });
    it("rejects a Principal", () =>
      malformed(create(doc({ ...s3Read, Principal: "*" })), "Policy document should not specify a principal."));
    it("rejects duplicate Sids", () => {
      const text = JSON.stringify({
        Version: V,
        Statement: [
          { ...s3Read, Sid: "A" },
          { ...s3Read, Sid: "A" },
        ],
      });
      return malformed(create(text), "Statement IDs (SID) in a single policy must be unique.");
    });
    it("requires Version 2012-10-17 for a managed policy", () => {
      return malformed(create(unversioned(s3Read)), "Policy document must be version 2012-10-17 or greater.");
    });
    it("creates a policy that passes the grammar", async () => {
      const { Policy } = await h.iam.send(new CreatePolicyCommand({ PolicyName: unique("ok"), PolicyDocument: doc(s3Read) }));
      assert.equal(Policy!.DefaultVersionId, "v1");
      const version = new CreatePolicyVersionCommand({ PolicyArn: Policy!.Arn, PolicyDocument: doc({ ...s3Read, Effect: "allow" }) });
      await malformed(h.iam.send(version), "The policy failed legacy parsing");
    });
  });

  describe("PutUserPolicy", () => {
    it("rejects a Principal and an unknown element, and accepts a policy without Version", async () => {
      const UserName = unique("grammar-user");
      await h.iam.send(new CreateUserCommand({ UserName }));
      const put = (PolicyDocument: string) => h.iam.send(new PutUserPolicyCommand({ UserName, PolicyName: "p", PolicyDocument }));
      await malformed(put(doc({ ...s3Read, Principal: { AWS: "*" } })), "Policy document should not specify a principal.");
      await malformed(put(doc({ ...s3Read, Resources: "*" })), "Syntax errors in policy.");
      await put(unversioned(s3Read));
    });
  });

  describe("CreateRole and UpdateAssumeRolePolicy", () => {
    const createRole = (AssumeRolePolicyDocument: string) =>
      h.iam.send(new CreateRoleCommand({ RoleName: unique("grammar-role"), AssumeRolePolicyDocument }));

    it("rejects invalid JSON with the trust-policy wording", () => malformed(createRole("{nope"), "This policy contains invalid Json"));
    it("rejects a Resource", () => malformed(createRole(doc({ ...ec2Trust, Resource: "*" })), "Has prohibited field Resource"));
    it("rejects Principal *", () =>
      malformed(createRole(doc({ ...ec2Trust, Principal: "*" })), 'AssumeRolepolicy contained an invalid principal: "STAR":"*".'));
    it("rejects a role that does not exist as principal, and accepts it once it does", async () => {
      const target = unique("target");
      const text = doc({ ...ec2Trust, Principal: { AWS: `arn:aws:iam::000000000000:role/${target}` } });
      await malformed(createRole(text), `Invalid principal in policy: "AWS":"arn:aws:iam::000000000000:role/${target}"`);
      await h.iam.send(new CreateRoleCommand({ RoleName: target, AssumeRolePolicyDocument: doc(ec2Trust) }));
      const { Role } = await createRole(text);
      assert.equal(decodeURIComponent(Role!.AssumeRolePolicyDocument!), text);
    });
    it("accepts account principals without looking them up", async () => {
      await createRole(doc({ ...ec2Trust, Principal: { AWS: ["111122223333", "arn:aws:iam::111122223333:root"] } }));
    });
    it("rejects actions other than STS AssumeRole ones on update, leaving the policy unchanged", async () => {
      const RoleName = unique("grammar-update");
      await h.iam.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: doc(ec2Trust) }));
      const update = (PolicyDocument: string) => h.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName, PolicyDocument }));
      await malformed(update(doc({ ...ec2Trust, Action: "s3:GetObject" })), "AssumeRole policy may only specify STS AssumeRole actions.");
      const { Role } = await h.iam.send(new GetRoleCommand({ RoleName }));
      assert.equal(decodeURIComponent(Role!.AssumeRolePolicyDocument!), doc(ec2Trust));
    });
  });
});
