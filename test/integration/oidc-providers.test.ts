import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  AddClientIDToOpenIDConnectProviderCommand,
  CreateOpenIDConnectProviderCommand,
  CreateRoleCommand,
  DeleteOpenIDConnectProviderCommand,
  DeleteRoleCommand,
  GetAccountSummaryCommand,
  GetOpenIDConnectProviderCommand,
  ListOpenIDConnectProvidersCommand,
  ListOpenIDConnectProviderTagsCommand,
  RemoveClientIDFromOpenIDConnectProviderCommand,
  TagOpenIDConnectProviderCommand,
  UntagOpenIDConnectProviderCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateOpenIDConnectProviderThumbprintCommand,
} from "@aws-sdk/client-iam";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";
import { ACCOUNT, allow, iamUser, policy } from "../helpers/iam-user";

const THUMBPRINT = "6938fd4d98bab03faadb97b34396831e3780aea1";
const arnOf = (hostAndPath: string) => `arn:aws:iam::${ACCOUNT}:oidc-provider/${hostAndPath}`;

const webIdentityTrust = (federated: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Federated: federated }, Action: "sts:AssumeRoleWithWebIdentity" }],
  });

describe("IAM OpenID Connect providers", () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());

  const create = (Url: string, rest: Partial<{ ClientIDList: string[]; ThumbprintList: string[] }> = {}) =>
    h.iam.send(new CreateOpenIDConnectProviderCommand({ Url, ...rest }));
  const host = () => `${unique("idp")}.example.com`;

  it("creates a provider named by its URL's host and path, and reads it back", async () => {
    const name = host();
    const made = await h.iam.send(
      new CreateOpenIDConnectProviderCommand({
        Url: `https://${name.toUpperCase()}/realms/Main/`,
        ClientIDList: ["sts.amazonaws.com", "app", "app"],
        ThumbprintList: [THUMBPRINT],
        Tags: [
          { Key: "team", Value: "a" },
          { Key: "Env", Value: "prod" },
        ],
      }),
    );
    const arn = arnOf(`${name}/realms/Main`);
    assert.equal(made.OpenIDConnectProviderArn, arn);
    assert.deepEqual(made.Tags, [
      { Key: "Env", Value: "prod" },
      { Key: "team", Value: "a" },
    ]);
    const got = await h.iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
    assert.equal(got.Url, `${name}/realms/Main`);
    assert.deepEqual(got.ClientIDList, ["sts.amazonaws.com", "app"]);
    assert.deepEqual(got.ThumbprintList, [THUMBPRINT]);
    assert.ok(Math.abs(got.CreateDate!.getTime() - Date.now()) < 60_000);
    assert.equal(got.Tags!.length, 2);
    const { OpenIDConnectProviderList } = await h.iam.send(new ListOpenIDConnectProvidersCommand({}));
    assert.ok(OpenIDConnectProviderList!.some((p) => p.Arn === arn));
    // The host compares without case, as in the URL.
    await h.iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arnOf(`${name.toUpperCase()}/realms/Main`) }));
  });

  it("refuses a second provider for the same URL", async () => {
    const name = host();
    await create(`https://${name}`);
    assert.deepEqual(await awsError(create(`https://${name}/`)), {
      name: "EntityAlreadyExistsException",
      message: `Provider with url https://${name} already exists.`,
      status: 409,
    });
  });

  it("takes only https URLs without query, fragment or credentials", async () => {
    for (const url of [
      "http://idp.example.com",
      "idp.example.com",
      "https://idp.example.com?a=1",
      "https://idp.example.com#x",
      "https://u@idp.example.com",
    ]) {
      assert.deepEqual(
        await awsError(create(url)),
        { name: "InvalidInputException", message: "Invalid Open ID Connect Provider URL", status: 400 },
        url,
      );
    }
  });

  it("checks thumbprints (40 hex characters, at most 5) and client IDs (at most 100)", async () => {
    const url = `https://${host()}`;
    const six = ["1", "2", "3", "4", "5", "6"].map((c) => c.repeat(40));
    assert.deepEqual(await awsError(create(url, { ThumbprintList: six })), {
      name: "InvalidInputException",
      message: "Thumbprint list must contain fewer than 5 entries.",
      status: 400,
    });
    const notHex = await awsError(create(url, { ThumbprintList: ["g".repeat(40)] }));
    assert.equal(notHex.name, "InvalidInputException");
    const short = await awsError(create(url, { ThumbprintList: ["a".repeat(39)] }));
    assert.equal(short.name, "ValidationError");
    assert.match(short.message, /thumbprintList.*length greater than or equal to 40/);
    const ids = Array.from({ length: 101 }, (_, n) => `app${n}`);
    assert.deepEqual(await awsError(create(url, { ClientIDList: ids })), {
      name: "LimitExceededException",
      message: "Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100",
      status: 409,
    });
  });

  it("adds and removes audiences idempotently, up to 100", async () => {
    const name = host();
    const { OpenIDConnectProviderArn: arn } = await create(`https://${name}`, { ClientIDList: ["a"] });
    const add = (ClientID: string) =>
      h.iam.send(new AddClientIDToOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID }));
    const remove = (ClientID: string) =>
      h.iam.send(new RemoveClientIDFromOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID }));
    await add("b");
    await add("a");
    await remove("none");
    await remove("a");
    const got = await h.iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
    assert.deepEqual(got.ClientIDList, ["b"]);
    for (let n = 0; n < 99; n++) await add(`c${n}`);
    assert.deepEqual(await awsError(add("one-more")), {
      name: "LimitExceededException",
      message: "Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100",
      status: 409,
    });
  });

  it("replaces the thumbprint list", async () => {
    const { OpenIDConnectProviderArn: arn } = await create(`https://${host()}`, { ThumbprintList: [THUMBPRINT] });
    const update = (ThumbprintList: string[]) =>
      h.iam.send(new UpdateOpenIDConnectProviderThumbprintCommand({ OpenIDConnectProviderArn: arn, ThumbprintList }));
    await update(["a".repeat(40), "b".repeat(40)]);
    const got = await h.iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
    assert.deepEqual(got.ThumbprintList, ["a".repeat(40), "b".repeat(40)]);
    const six = ["1", "2", "3", "4", "5", "6"].map((c) => c.repeat(40));
    assert.equal((await awsError(update(six))).name, "InvalidInputException");
  });

  it("tags, untags and lists tags sorted by key, with IAM's tag rules", async () => {
    const { OpenIDConnectProviderArn: arn } = await create(`https://${host()}`);
    await h.iam.send(
      new TagOpenIDConnectProviderCommand({
        OpenIDConnectProviderArn: arn,
        Tags: [
          { Key: "z", Value: "1" },
          { Key: "a", Value: "2" },
        ],
      }),
    );
    await h.iam.send(new TagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, Tags: [{ Key: "Z", Value: "3" }] }));
    const page = await h.iam.send(new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn: arn, MaxItems: 1 }));
    assert.deepEqual(page.Tags, [{ Key: "Z", Value: "3" }]);
    assert.equal(page.IsTruncated, true);
    const rest = await h.iam.send(new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn: arn, Marker: page.Marker }));
    assert.deepEqual(rest.Tags, [{ Key: "a", Value: "2" }]);
    await h.iam.send(new UntagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, TagKeys: ["A"] }));
    const left = await h.iam.send(new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn: arn }));
    assert.deepEqual(left.Tags, [{ Key: "Z", Value: "3" }]);
    const reserved = await awsError(
      h.iam.send(new TagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, Tags: [{ Key: "aws:x", Value: "1" }] })),
    );
    assert.deepEqual(reserved, { name: "InvalidInputException", message: "User tag keys cannot start with 'aws:'.", status: 400 });
  });

  it("answers NoSuchEntity for a provider that doesn't exist, and deletes idempotently", async () => {
    const { OpenIDConnectProviderArn: arn } = await create(`https://${host()}`);
    await h.iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
    await h.iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
    const missing = await awsError(h.iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn })));
    assert.deepEqual(missing, { name: "NoSuchEntityException", message: `OpenIDConnect Provider not found for arn ${arn}`, status: 404 });
    for (const command of [
      new AddClientIDToOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID: "a" }),
      new RemoveClientIDFromOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID: "a" }),
      new UpdateOpenIDConnectProviderThumbprintCommand({ OpenIDConnectProviderArn: arn, ThumbprintList: [THUMBPRINT] }),
      new TagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, Tags: [{ Key: "k", Value: "v" }] }),
      new UntagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, TagKeys: ["k"] }),
      new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn: arn }),
    ]) {
      assert.equal((await awsError(h.iam.send(command as never))).name, "NoSuchEntityException", command.constructor.name);
    }
    const bad = await awsError(
      h.iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: `arn:aws:iam::${ACCOUNT}:role/x` })),
    );
    assert.deepEqual(bad, { name: "InvalidInputException", message: `ARN arn:aws:iam::${ACCOUNT}:role/x is not valid.`, status: 400 });
  });

  it("refuses a role trusting an OIDC provider that doesn't exist, and accepts AWS's built-in web identity providers", async () => {
    const name = host();
    const arn = arnOf(name);
    const role = unique("web-role");
    assert.deepEqual(
      await awsError(h.iam.send(new CreateRoleCommand({ RoleName: role, AssumeRolePolicyDocument: webIdentityTrust(arn) }))),
      {
        name: "MalformedPolicyDocumentException",
        message: `Invalid principal in policy: "FEDERATED":"${arn}"`,
        status: 400,
      },
    );
    await create(`https://${name}`);
    await h.iam.send(new CreateRoleCommand({ RoleName: role, AssumeRolePolicyDocument: webIdentityTrust(arn) }));
    const missing = arnOf(host());
    const update = await awsError(
      h.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: role, PolicyDocument: webIdentityTrust(missing) })),
    );
    assert.deepEqual(update, {
      name: "MalformedPolicyDocumentException",
      message: `Invalid principal in policy: "FEDERATED":"${missing}"`,
      status: 400,
    });
    for (const builtIn of ["accounts.google.com", "cognito-identity.amazonaws.com", "graph.facebook.com", "www.amazon.com"]) {
      await h.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: role, PolicyDocument: webIdentityTrust(builtIn) }));
    }
    // A provider in an account local-aws doesn't host can't be checked, so it is taken.
    await h.iam.send(
      new UpdateAssumeRolePolicyCommand({
        RoleName: role,
        PolicyDocument: webIdentityTrust("arn:aws:iam::123456789012:oidc-provider/x.example.com"),
      }),
    );
    await h.iam.send(new DeleteRoleCommand({ RoleName: role }));
  });

  it("is authorized on the provider's ARN: AccessDenied without permission, allowed by a policy naming it", async () => {
    const name = host();
    const { OpenIDConnectProviderArn: arn } = await create(`https://${name}`);
    const none = await iamUser(h);
    const denied = await awsError(none.iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn })));
    assert.deepEqual(denied, {
      name: "AccessDenied",
      message: `User: ${none.arn} is not authorized to perform: iam:GetOpenIDConnectProvider on resource: ${arn} because no identity-based policy allows the iam:GetOpenIDConnectProvider action`,
      status: 403,
    });
    const created = await awsError(none.iam.send(new CreateOpenIDConnectProviderCommand({ Url: `https://${host()}` })));
    assert.equal(created.name, "AccessDenied");
    const reader = await iamUser(h, {
      inline: policy(allow("iam:GetOpenIDConnectProvider", arn), allow("iam:ListOpenIDConnectProviders")),
    });
    await reader.iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
    await reader.iam.send(new ListOpenIDConnectProvidersCommand({}));
    const creator = await iamUser(h, { inline: policy(allow("iam:CreateOpenIDConnectProvider")) });
    const tagged = await awsError(
      creator.iam.send(new CreateOpenIDConnectProviderCommand({ Url: `https://${host()}`, Tags: [{ Key: "k", Value: "v" }] })),
    );
    assert.match(tagged.message, /iam:TagOpenIDConnectProvider/);
  });

  it("counts providers in the account summary and keeps to 100 per account", async () => {
    const before = (await h.iam.send(new GetAccountSummaryCommand({}))).SummaryMap!.Providers!;
    const { OpenIDConnectProviderList } = await h.iam.send(new ListOpenIDConnectProvidersCommand({}));
    assert.ok(before >= OpenIDConnectProviderList!.length);
    for (let n = OpenIDConnectProviderList!.length; n < 100; n++) await create(`https://${host()}`);
    assert.equal(
      (await h.iam.send(new GetAccountSummaryCommand({}))).SummaryMap!.Providers!,
      before + 100 - OpenIDConnectProviderList!.length,
    );
    assert.deepEqual(await awsError(create(`https://${host()}`)), {
      name: "LimitExceededException",
      message: "Cannot exceed quota for OpenIdConnectProvidersPerAccount: 100",
      status: 409,
    });
  });
});
