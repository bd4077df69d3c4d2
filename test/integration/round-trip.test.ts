import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CreateGroupCommand,
  CreateInstanceProfileCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
} from "@aws-sdk/client-iam";
import { startHarness, type Harness } from "../helpers/local-aws";
import {
  type AnyClient,
  commandFor,
  implementedActions,
  knownErrorNames,
  minimalInput,
  missingRequired,
  operationSchema,
  type Fixtures,
} from "../helpers/model";

const DESTRUCTIVE = /^(Delete|Remove|Detach|Deactivate|Untag|Disable)/;

/** The account root is no IAM user: AWS leaves out its user name and path though the model marks them required. */
const ROOT_OMITS: Record<string, string[]> = {
  GetUser: ["output.User.Path", "output.User.UserName"],
  CreateAccessKey: ["output.AccessKey.UserName"],
};

/** Creating and reading calls first, then the ones that tear fixtures down. */
const actions = implementedActions().sort((a, b) => Number(DESTRUCTIVE.test(a.action)) - Number(DESTRUCTIVE.test(b.action)));

describe("every implemented action round-trips through the real SDK client", () => {
  let h: Harness;
  const f: Fixtures = {
    userName: "rt-user",
    groupName: "rt-group",
    roleName: "rt-role",
    policyName: "rt-policy",
    instanceProfileName: "rt-profile",
  };

  before(async () => {
    h = await startHarness();
    const trust = minimalInput("iam", "CreateRole", f).AssumeRolePolicyDocument as string;
    const policy = minimalInput("iam", "CreatePolicy", f).PolicyDocument as string;
    const setup = [
      new CreateUserCommand({ UserName: f.userName }),
      new CreateGroupCommand({ GroupName: f.groupName }),
      new CreateRoleCommand({ RoleName: f.roleName, AssumeRolePolicyDocument: trust }),
      new CreatePolicyCommand({ PolicyName: f.policyName, PolicyDocument: policy }),
      new CreateInstanceProfileCommand({ InstanceProfileName: f.instanceProfileName }),
    ];
    // Families still being written may not answer yet: their actions then fail with a modelled InvalidAction.
    for (const command of setup) await h.iam.send(command as never).catch(() => undefined);
  });
  after(async () => h.stop());

  it("has actions to check", () => assert.ok(actions.length > 0));

  for (const { service, action } of actions) {
    it(`${service}:${action}`, async () => {
      const Command = commandFor(service, action);
      assert.ok(Command, `@aws-sdk/client-${service} has no ${action}Command: the handler's key is not an AWS action`);
      const input = minimalInput(service, action, f);
      const client = (service === "iam" ? h.iam : h.sts) as unknown as AnyClient;
      let output: Record<string, unknown> | undefined;
      try {
        output = await client.send(new Command(input));
      } catch (err) {
        const e = err as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
        const status = e.$metadata?.httpStatusCode;
        assert.ok(status !== undefined, `${action} failed in the client, not with an AWS error: ${e.name}: ${e.message}`);
        assert.ok(status < 500, `${action} answered ${status} ${e.name}: ${e.message}`);
        assert.ok(knownErrorNames.has(e.name), `${action} failed with an error the SDK does not model: ${e.name}: ${e.message}`);
        return;
      }
      assert.equal((output.$metadata as { httpStatusCode?: number }).httpStatusCode, 200);
      const { output: schema } = operationSchema(service, action);
      const missing = missingRequired(schema, output).filter((p) => !ROOT_OMITS[action]?.includes(p));
      assert.deepEqual(missing, [], `${action} output lacks members the model requires`);
    });
  }
});
