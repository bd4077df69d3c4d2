import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as I from "@aws-sdk/client-iam";
import { awsError, startHarness, type Harness } from "../helpers/local-aws";
import { ACCOUNT, allow, iamUser, policy } from "../helpers/iam-user";

const validation = (message: string) => ({ name: "ValidationError", message, status: 400 });

describe("IAM account settings: STS token version, outbound web identity federation, account properties, role templates", () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());
  beforeEach(async () => h.reset());

  it("sets the STS global endpoint token version, which GetAccountSummary reports", async () => {
    const version = async () => (await h.iam.send(new I.GetAccountSummaryCommand({}))).SummaryMap!.GlobalEndpointTokenVersion;
    assert.equal(await version(), 1);
    await h.iam.send(new I.SetSecurityTokenServicePreferencesCommand({ GlobalEndpointTokenVersion: "v2Token" }));
    assert.equal(await version(), 2);
    await h.iam.send(new I.SetSecurityTokenServicePreferencesCommand({ GlobalEndpointTokenVersion: "v1Token" }));
    assert.equal(await version(), 1);
    const bad = new I.SetSecurityTokenServicePreferencesCommand({ GlobalEndpointTokenVersion: "v3Token" as "v2Token" });
    assert.deepEqual(
      await awsError(h.iam.send(bad)),
      validation(
        "1 validation error detected: Value 'v3Token' at 'globalEndpointTokenVersion' failed to satisfy constraint: Member must satisfy enum value set: [v1Token, v2Token]",
      ),
    );
  });

  it("enables outbound web identity federation once, keeping its issuer across disable and enable", async () => {
    const disabled = {
      name: "FeatureDisabledException",
      message:
        "The request failed because outbound identity federation is already disabled for your AWS account. You cannot disable the feature multiple times",
      status: 404,
    };
    assert.deepEqual(await awsError(h.iam.send(new I.GetOutboundWebIdentityFederationInfoCommand({}))), disabled);
    assert.deepEqual(await awsError(h.iam.send(new I.DisableOutboundWebIdentityFederationCommand({}))), disabled);
    const { IssuerIdentifier } = await h.iam.send(new I.EnableOutboundWebIdentityFederationCommand({}));
    assert.match(IssuerIdentifier!, /^https:\/\/[0-9a-f-]{36}\.tokens\.sts\.global\.api\.aws$/);
    assert.deepEqual(await awsError(h.iam.send(new I.EnableOutboundWebIdentityFederationCommand({}))), {
      name: "FeatureEnabledException",
      message:
        "The request failed because outbound identity federation is already enabled for your AWS account. You cannot enable the feature multiple times. To fetch the current configuration (including the unique issuer URL), use the GetOutboundWebIdentityFederationInfo operation.",
      status: 409,
    });
    const info = await h.iam.send(new I.GetOutboundWebIdentityFederationInfoCommand({}));
    assert.deepEqual([info.IssuerIdentifier, info.JwtVendingEnabled], [IssuerIdentifier, true]);
    await h.iam.send(new I.DisableOutboundWebIdentityFederationCommand({}));
    const off = await h.iam.send(new I.GetOutboundWebIdentityFederationInfoCommand({}));
    assert.deepEqual([off.IssuerIdentifier, off.JwtVendingEnabled], [IssuerIdentifier, false]);
    const again = await h.iam.send(new I.EnableOutboundWebIdentityFederationCommand({}));
    assert.equal(again.IssuerIdentifier, IssuerIdentifier);
  });

  it("puts and gets account properties in one namespace per request", async () => {
    assert.deepEqual((await h.iam.send(new I.GetAccountPropertiesCommand({}))).Properties ?? {}, {});
    await h.iam.send(new I.PutAccountPropertiesCommand({ Properties: { "RoleManager/Enabled": "true", "RoleManager/Mode": "audit" } }));
    await h.iam.send(new I.PutAccountPropertiesCommand({ Properties: { "RoleManager/Mode": "enforce" } }));
    assert.deepEqual((await h.iam.send(new I.GetAccountPropertiesCommand({}))).Properties, {
      "RoleManager/Enabled": "true",
      "RoleManager/Mode": "enforce",
    });
    const put = (Properties: Record<string, string>) => awsError(h.iam.send(new I.PutAccountPropertiesCommand({ Properties })));
    assert.deepEqual(await put({ "A/x": "1", "B/y": "2" }), {
      name: "InvalidInputException",
      message: "All properties in a request must belong to the same namespace.",
      status: 400,
    });
    assert.deepEqual(await put({ NoNamespace: "1" }), {
      name: "InvalidInputException",
      message: "Property key NoNamespace must be in the format Namespace/PropertyName.",
      status: 400,
    });
    assert.deepEqual(
      await put({ "1bad/key": "v" }),
      validation(
        "1 validation error detected: Value '1bad/key' at 'properties.key' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[A-Za-z][A-Za-z0-9/_-]*$",
      ),
    );
  });

  it("answers role template ARNs as AWS answers templates that do not exist, after checking the input", async () => {
    const arn = "arn:aws:iam::aws:role-template/ec2.amazonaws.com/ExampleTemplate:1";
    assert.deepEqual(await awsError(h.iam.send(new I.GetRoleTemplateVersionCommand({ TemplateArn: arn }))), {
      name: "NoSuchEntityException",
      message: `The role template ${arn} cannot be found.`,
      status: 404,
    });
    assert.deepEqual(await awsError(h.iam.send(new I.AcquireRoleCommand({ TemplateArn: arn, TemplateMinorVersion: 2 }))), {
      name: "NoSuchEntityException",
      message: `The role template ${arn} (minor version 2) cannot be found.`,
      status: 404,
    });
    assert.deepEqual(
      await awsError(h.iam.send(new I.AcquireRoleCommand({ TemplateArn: "arn:short" }))),
      validation(
        "1 validation error detected: Value 'arn:short' at 'templateArn' failed to satisfy constraint: Member must have length greater than or equal to 20",
      ),
    );
  });

  it("authorizes each setting on resource * for IAM users", async () => {
    const user = await iamUser(h, { inline: policy(allow(["iam:GetAccountProperties", "iam:SetSecurityTokenServicePreferences"])) });
    await user.iam.send(new I.GetAccountPropertiesCommand({}));
    await user.iam.send(new I.SetSecurityTokenServicePreferencesCommand({ GlobalEndpointTokenVersion: "v2Token" }));
    for (const [action, call] of [
      ["PutAccountProperties", () => user.iam.send(new I.PutAccountPropertiesCommand({ Properties: { "RoleManager/Enabled": "true" } }))],
      ["EnableOutboundWebIdentityFederation", () => user.iam.send(new I.EnableOutboundWebIdentityFederationCommand({}))],
      ["GetOutboundWebIdentityFederationInfo", () => user.iam.send(new I.GetOutboundWebIdentityFederationInfoCommand({}))],
    ] as const) {
      assert.deepEqual(await awsError(call()), {
        name: "AccessDenied",
        message: `User: arn:aws:iam::${ACCOUNT}:user/${user.name} is not authorized to perform: iam:${action} on resource: * because no identity-based policy allows the iam:${action} action`,
        status: 403,
      });
    }
  });

  it("offers iam:AccountPropertyNamespaces to PutAccountProperties", async () => {
    const user = await iamUser(h, {
      inline: policy(
        allow("iam:PutAccountProperties", "*", { "ForAllValues:StringEquals": { "iam:AccountPropertyNamespaces": ["RoleManager"] } }),
      ),
    });
    await user.iam.send(new I.PutAccountPropertiesCommand({ Properties: { "RoleManager/Enabled": "true" } }));
    const other = await awsError(user.iam.send(new I.PutAccountPropertiesCommand({ Properties: { "Other/Enabled": "true" } })));
    assert.equal(other.name, "AccessDenied");
  });
});
