import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  CreateServiceLinkedRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DeleteServiceLinkedRoleCommand,
  DetachRolePolicyCommand,
  GetRoleCommand,
  GetServiceLinkedRoleDeletionStatusCommand,
  ListAttachedRolePoliciesCommand,
  ListRolesCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  TagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
  UpdateRoleDescriptionCommand,
} from "@aws-sdk/client-iam";
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";
import { ACCOUNT, allow, iamUser, policy } from "../helpers/iam-user";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("IAM service-linked roles", () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());

  const create = (AWSServiceName: string, extra: { Description?: string; CustomSuffix?: string } = {}) =>
    h.iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName, ...extra }));

  /** Deletes a service-linked role and waits for its deletion task to succeed. */
  async function deleteLinked(RoleName: string): Promise<void> {
    const { DeletionTaskId } = await h.iam.send(new DeleteServiceLinkedRoleCommand({ RoleName }));
    for (let i = 0; i < 40; i++) {
      const { Status } = await h.iam.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId }));
      if (Status === "SUCCEEDED") return;
      await sleep(100);
    }
    throw new Error(`deletion of ${RoleName} did not complete`);
  }

  it("creates AWS's role for a service: name, path, trust policy and the service-linked policy attached", async () => {
    const { Role } = await create("elasticloadbalancing.amazonaws.com", { Description: "ELB's role" });
    assert.equal(Role!.RoleName, "AWSServiceRoleForElasticLoadBalancing");
    assert.equal(Role!.Path, "/aws-service-role/elasticloadbalancing.amazonaws.com/");
    assert.equal(
      Role!.Arn,
      `arn:aws:iam::${ACCOUNT}:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing`,
    );
    assert.match(Role!.RoleId!, /^AROA[A-Z0-9]{17}$/);
    assert.equal(Role!.Description, "ELB's role");
    assert.deepEqual(JSON.parse(decodeURIComponent(Role!.AssumeRolePolicyDocument!)), {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "elasticloadbalancing.amazonaws.com" }, Action: "sts:AssumeRole" }],
    });
    const attached = await h.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: Role!.RoleName }));
    assert.deepEqual(attached.AttachedPolicies, [
      {
        PolicyName: "AWSElasticLoadBalancingServiceRolePolicy",
        PolicyArn: "arn:aws:iam::aws:policy/aws-service-role/AWSElasticLoadBalancingServiceRolePolicy",
      },
    ]);
    const { Roles } = await h.iam.send(new ListRolesCommand({ PathPrefix: "/aws-service-role/" }));
    assert.ok(Roles!.some((r) => r.RoleName === "AWSServiceRoleForElasticLoadBalancing"));
    await deleteLinked(Role!.RoleName!);
  });

  it("names the roles of the services admins meet most as AWS does", async () => {
    const expected: Record<string, [string, string]> = {
      "autoscaling.amazonaws.com": ["AWSServiceRoleForAutoScaling", "AutoScalingServiceRolePolicy"],
      "ecs.amazonaws.com": ["AWSServiceRoleForECS", "AmazonECSServiceRolePolicy"],
      "rds.amazonaws.com": ["AWSServiceRoleForRDS", "AmazonRDSServiceRolePolicy"],
      "organizations.amazonaws.com": ["AWSServiceRoleForOrganizations", "AWSOrganizationsServiceTrustPolicy"],
      "support.amazonaws.com": ["AWSServiceRoleForSupport", "AWSSupportServiceRolePolicy"],
      "trustedadvisor.amazonaws.com": ["AWSServiceRoleForTrustedAdvisor", "AWSTrustedAdvisorServiceRolePolicy"],
      "eks.amazonaws.com": ["AWSServiceRoleForAmazonEKS", "AmazonEKSServiceRolePolicy"],
      "replicator.lambda.amazonaws.com": ["AWSServiceRoleForLambdaReplicator", "AWSLambdaReplicator"],
    };
    for (const [service, [name, policyName]] of Object.entries(expected)) {
      const { Role } = await create(service);
      assert.equal(Role!.RoleName, name);
      assert.equal(Role!.Path, `/aws-service-role/${service}/`);
      const { AttachedPolicies } = await h.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: name }));
      assert.deepEqual(
        AttachedPolicies!.map((p) => p.PolicyArn),
        [`arn:aws:iam::aws:policy/aws-service-role/${policyName}`],
      );
      await deleteLinked(name);
    }
  });

  it("takes a CustomSuffix only for services that allow one, and refuses a name already taken", async () => {
    const { Role } = await create("autoscaling.amazonaws.com", { CustomSuffix: "kms" });
    assert.equal(Role!.RoleName, "AWSServiceRoleForAutoScaling_kms");
    assert.deepEqual(await awsError(create("autoscaling.amazonaws.com", { CustomSuffix: "kms" })), {
      name: "InvalidInputException",
      message: "Service role name AWSServiceRoleForAutoScaling_kms has been taken in this account, please try a different suffix.",
      status: 400,
    });
    assert.deepEqual(await awsError(create("es.amazonaws.com", { CustomSuffix: "x" })), {
      name: "InvalidInputException",
      message: "Custom suffix is not allowed for es.amazonaws.com",
      status: 400,
    });
    await create("ecs.amazonaws.com");
    assert.deepEqual(await awsError(create("ecs.amazonaws.com")), {
      name: "InvalidInputException",
      message: "Service role name AWSServiceRoleForECS has been taken in this account, please try a different suffix.",
      status: 400,
    });
    assert.deepEqual(await awsError(create("sqs.amazonaws.com")), {
      name: "InvalidInputException",
      message: "Invalid ServiceName: sqs.amazonaws.com",
      status: 400,
    });
    await deleteLinked("AWSServiceRoleForAutoScaling_kms");
    await deleteLinked("AWSServiceRoleForECS");
  });

  it("deletes through a task: NOT_STARTED or IN_PROGRESS while the role still exists, then SUCCEEDED and gone", async () => {
    await create("rds.amazonaws.com");
    const { DeletionTaskId } = await h.iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: "AWSServiceRoleForRDS" }));
    assert.match(DeletionTaskId!, /^task\/aws-service-role\/rds\.amazonaws\.com\/AWSServiceRoleForRDS\/[0-9a-f-]{36}$/);
    const first = await h.iam.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId }));
    assert.ok(["NOT_STARTED", "IN_PROGRESS"].includes(first.Status!), first.Status);
    await h.iam.send(new GetRoleCommand({ RoleName: "AWSServiceRoleForRDS" }));
    const again = await h.iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: "AWSServiceRoleForRDS" }));
    assert.equal(again.DeletionTaskId, DeletionTaskId);
    await sleep(1100);
    const done = await h.iam.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId }));
    assert.equal(done.Status, "SUCCEEDED");
    assert.deepEqual(await awsError(h.iam.send(new GetRoleCommand({ RoleName: "AWSServiceRoleForRDS" }))), {
      name: "NoSuchEntityException",
      message: "The role with name AWSServiceRoleForRDS cannot be found.",
      status: 404,
    });
    const recreated = await create("rds.amazonaws.com");
    assert.equal(recreated.Role!.RoleName, "AWSServiceRoleForRDS");
    await deleteLinked("AWSServiceRoleForRDS");
  });

  it("answers DeleteServiceLinkedRole and the status for what is not a service-linked role or task", async () => {
    const plain = unique("plain");
    const trust = JSON.stringify(policy({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }));
    await h.iam.send(new CreateRoleCommand({ RoleName: plain, AssumeRolePolicyDocument: trust }));
    assert.deepEqual(await awsError(h.iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: plain }))), {
      name: "InvalidInputException",
      message: `Role ${plain} is not a service-linked role.`,
      status: 400,
    });
    assert.deepEqual(await awsError(h.iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: "AWSServiceRoleForNothing" }))), {
      name: "NoSuchEntityException",
      message: "The role with name AWSServiceRoleForNothing cannot be found.",
      status: 404,
    });
    const missing = "task/aws-service-role/rds.amazonaws.com/AWSServiceRoleForRDS/00000000-0000-0000-0000-000000000000";
    assert.deepEqual(await awsError(h.iam.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId: missing }))), {
      name: "NoSuchEntityException",
      message: `Deletion task ${missing} cannot be found.`,
      status: 404,
    });
    assert.deepEqual(await awsError(h.iam.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId: "task/nope" }))), {
      name: "InvalidInputException",
      message: "Invalid deletion task id: task/nope",
      status: 400,
    });
    await h.iam.send(new DeleteRoleCommand({ RoleName: plain }));
  });

  it("lets nobody edit the role but its description and tags, and nobody but its service assume it", async () => {
    const { Role } = await create("support.amazonaws.com");
    const name = Role!.RoleName!;
    const expected = {
      name: "UnmodifiableEntityException",
      message: `Cannot perform the operation on the protected role '${name}' - this role is only modifiable by AWS`,
      status: 400,
    };
    const doc = JSON.stringify(policy(allow("s3:GetObject")));
    const refused = [
      new UpdateAssumeRolePolicyCommand({ RoleName: name, PolicyDocument: doc }),
      new PutRolePolicyCommand({ RoleName: name, PolicyName: "p", PolicyDocument: doc }),
      new DeleteRolePolicyCommand({ RoleName: name, PolicyName: "p" }),
      new AttachRolePolicyCommand({ RoleName: name, PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }),
      new DetachRolePolicyCommand({ RoleName: name, PolicyArn: "arn:aws:iam::aws:policy/aws-service-role/AWSSupportServiceRolePolicy" }),
      new PutRolePermissionsBoundaryCommand({ RoleName: name, PermissionsBoundary: "arn:aws:iam::aws:policy/ReadOnlyAccess" }),
      new UpdateRoleCommand({ RoleName: name, MaxSessionDuration: 7200 }),
      new DeleteRoleCommand({ RoleName: name }),
    ];
    for (const command of refused) assert.deepEqual(await awsError(h.iam.send(command as never)), expected, command.constructor.name);

    await h.iam.send(new UpdateRoleDescriptionCommand({ RoleName: name, Description: "AWS Support's role" }));
    await h.iam.send(new UpdateRoleCommand({ RoleName: name, Description: "Edited" }));
    await h.iam.send(new TagRoleCommand({ RoleName: name, Tags: [{ Key: "team", Value: "ops" }] }));
    const got = (await h.iam.send(new GetRoleCommand({ RoleName: name }))).Role!;
    assert.equal(got.Description, "Edited");
    assert.deepEqual(got.Tags, [{ Key: "team", Value: "ops" }]);

    const admin = await iamUser(h, { managed: ["AdministratorAccess"] });
    const assume = await awsError(admin.sts.send(new AssumeRoleCommand({ RoleArn: Role!.Arn, RoleSessionName: "session" })));
    assert.equal(assume.name, "AccessDenied");
    assert.equal(assume.status, 403);
    assert.equal(assume.message, `User: ${admin.arn} is not authorized to perform: sts:AssumeRole on resource: ${Role!.Arn}`);
    await deleteLinked(name);
  });

  it("authorizes each action on the role, with iam:AWSServiceName on create", async () => {
    const onlyEcs = { StringEquals: { "iam:AWSServiceName": "ecs.amazonaws.com" } };
    const user = await iamUser(h, {
      inline: policy(
        allow("iam:CreateServiceLinkedRole", "*", onlyEcs),
        allow(["iam:DeleteServiceLinkedRole", "iam:GetServiceLinkedRoleDeletionStatus"]),
      ),
    });
    const { Role } = await user.iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: "ecs.amazonaws.com" }));
    const rds = await awsError(user.iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: "rds.amazonaws.com" })));
    assert.deepEqual(rds, {
      name: "AccessDenied",
      status: 403,
      message:
        `User: ${user.arn} is not authorized to perform: iam:CreateServiceLinkedRole on resource: ` +
        `arn:aws:iam::${ACCOUNT}:role/aws-service-role/rds.amazonaws.com/AWSServiceRoleForRDS ` +
        "because no identity-based policy allows the iam:CreateServiceLinkedRole action",
    });
    const { DeletionTaskId } = await user.iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: Role!.RoleName }));
    await user.iam.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId }));
    const nobody = await iamUser(h);
    const status = await awsError(nobody.iam.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId })));
    assert.equal(status.name, "AccessDenied");
    assert.match(
      status.message,
      /iam:GetServiceLinkedRoleDeletionStatus on resource: arn:aws:iam::000000000000:role\/aws-service-role\/ecs\.amazonaws\.com\/AWSServiceRoleForECS /,
    );
    await sleep(1100);
  });
});
