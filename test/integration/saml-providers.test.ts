import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  CreateRoleCommand,
  CreateSAMLProviderCommand,
  DeleteRoleCommand,
  DeleteSAMLProviderCommand,
  GetSAMLProviderCommand,
  ListSAMLProvidersCommand,
  ListSAMLProviderTagsCommand,
  TagSAMLProviderCommand,
  UntagSAMLProviderCommand,
  UpdateSAMLProviderCommand,
} from "@aws-sdk/client-iam";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";
import { ACCOUNT, allow, iamUser, policy } from "../helpers/iam-user";
import { privateKeyPem, samlMetadata } from "../helpers/saml-metadata";

const arnOf = (name: string) => `arn:aws:iam::${ACCOUNT}:saml-provider/${name}`;
const invalid = (message: string) => ({ name: "InvalidInputException", message, status: 400 });

const samlTrust = (federated: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Federated: federated },
        Action: "sts:AssumeRoleWithSAML",
        Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } },
      },
    ],
  });

describe("IAM SAML providers", () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.stop());

  const create = (
    Name: string,
    rest: Partial<{ SAMLMetadataDocument: string; AssertionEncryptionMode: "Required" | "Allowed"; AddPrivateKey: string }> = {},
  ) => h.iam.send(new CreateSAMLProviderCommand({ Name, SAMLMetadataDocument: samlMetadata(), ...rest }));
  const update = (SAMLProviderArn: string, rest: Omit<ConstructorParameters<typeof UpdateSAMLProviderCommand>[0], "SAMLProviderArn">) =>
    h.iam.send(new UpdateSAMLProviderCommand({ SAMLProviderArn, ...rest }));

  it("creates a provider from IdP metadata and reads it back", async () => {
    const name = unique("Okta");
    const document = samlMetadata();
    const made = await h.iam.send(
      new CreateSAMLProviderCommand({ Name: name, SAMLMetadataDocument: document, Tags: [{ Key: "team", Value: "a" }] }),
    );
    assert.equal(made.SAMLProviderArn, arnOf(name));
    assert.deepEqual(made.Tags, [{ Key: "team", Value: "a" }]);
    const got = await h.iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arnOf(name) }));
    assert.equal(got.SAMLMetadataDocument, document);
    assert.match(got.SAMLProviderUUID!, /^[A-Z0-9]{22,64}$/);
    assert.equal(got.ValidUntil!.getUTCFullYear(), got.CreateDate!.getUTCFullYear() + 100);
    assert.equal(got.AssertionEncryptionMode, undefined);
    assert.equal(got.PrivateKeyList, undefined);
    const { SAMLProviderList } = await h.iam.send(new ListSAMLProvidersCommand({}));
    const listed = SAMLProviderList!.find((p) => p.Arn === arnOf(name));
    assert.deepEqual(listed, { Arn: arnOf(name), ValidUntil: got.ValidUntil, CreateDate: got.CreateDate });
    // The name compares without case.
    await h.iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arnOf(name.toUpperCase()) }));
    assert.deepEqual(await awsError(create(name.toLowerCase())), {
      name: "EntityAlreadyExistsException",
      message: `SAMLProvider ${name.toLowerCase()} already exists.`,
      status: 409,
    });
  });

  it("takes the metadata's validUntil, and refuses expired or malformed metadata", async () => {
    const name = unique("Expiring");
    await create(name, { SAMLMetadataDocument: samlMetadata(undefined, "2099-01-01T00:00:00Z") });
    const got = await h.iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arnOf(name) }));
    assert.equal(got.ValidUntil!.toISOString(), "2099-01-01T00:00:00.000Z");
    const pad = "x".repeat(1000);
    const bad = [
      samlMetadata(undefined, "2001-01-01T00:00:00Z"),
      `<a>${pad}</a>`,
      samlMetadata().replace("</md:EntityDescriptor>", ""),
      samlMetadata().replace(/IDPSSODescriptor/g, "SPSSODescriptor"),
      samlMetadata().replace("urn:oasis:names:tc:SAML:2.0:metadata", "urn:example"),
      `<!DOCTYPE x>${samlMetadata()}`,
    ];
    for (const document of bad) {
      assert.deepEqual(await awsError(create(unique("Bad"), { SAMLMetadataDocument: document })), invalid("Could not parse metadata."));
    }
    const short = await awsError(create(unique("Short"), { SAMLMetadataDocument: "<a/>" }));
    assert.equal(short.name, "ValidationError");
    assert.match(
      short.message,
      /sAMLMetadataDocument' failed to satisfy constraint: Member must have length greater than or equal to 1000/,
    );
    const badName = await awsError(create("has space"));
    assert.equal(badName.name, "ValidationError");
  });

  it("updates metadata, encryption mode and private keys with AWS's rules", async () => {
    const name = unique("Keys");
    assert.deepEqual(
      await awsError(create(name, { AssertionEncryptionMode: "Required" })),
      invalid("Unable to set assertion encryption mode to Required because no private key is provided."),
    );
    assert.deepEqual(await awsError(create(name, { AddPrivateKey: "not a key" })), invalid("Invalid private key."));
    const { SAMLProviderArn: arn } = await create(name, { AssertionEncryptionMode: "Required", AddPrivateKey: privateKeyPem() });
    const keys = async () => (await h.iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arn }))).PrivateKeyList ?? [];
    const [first] = await keys();
    assert.match(first.KeyId!, /^[A-Z0-9]{22,64}$/);
    assert.ok(first.Timestamp instanceof Date);

    assert.deepEqual(
      await awsError(update(arn!, {})),
      invalid("Unable to update identity provider. No updates are defined for metadata or encryption assertion."),
    );
    assert.deepEqual(
      await awsError(update(arn!, { AddPrivateKey: privateKeyPem(), RemovePrivateKey: first.KeyId })),
      invalid("Unable to add and remove private keys in the same request. Set a value for only one of the two parameters."),
    );
    assert.deepEqual(
      await awsError(update(arn!, { RemovePrivateKey: "SAML".padEnd(26, "X") })),
      invalid("Failed to remove private key because the Key ID does not match a private key."),
    );
    assert.deepEqual(await awsError(update(arn!, { RemovePrivateKey: first.KeyId })), invalid("Failed to remove private key."));
    const updated = await update(arn!, { AddPrivateKey: privateKeyPem() });
    assert.equal(updated.SAMLProviderArn, arn);
    assert.deepEqual(await awsError(update(arn!, { AddPrivateKey: privateKeyPem() })), {
      name: "LimitExceededException",
      message: "Private key limit of 2 is reached.",
      status: 409,
    });
    await update(arn!, { RemovePrivateKey: first.KeyId });
    assert.equal((await keys()).length, 1);
    await update(arn!, { AssertionEncryptionMode: "Allowed" });
    await update(arn!, { RemovePrivateKey: (await keys())[0].KeyId });
    const got = await h.iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arn }));
    assert.equal(got.AssertionEncryptionMode, "Allowed");
    assert.equal(got.PrivateKeyList, undefined);
    assert.deepEqual(
      await awsError(update(arn!, { AssertionEncryptionMode: "Required" })),
      invalid("Unable to set assertion encryption mode to Required because no private key is provided."),
    );
    const document = samlMetadata("https://other.example.com/saml");
    await update(arn!, { SAMLMetadataDocument: document });
    assert.equal((await h.iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arn }))).SAMLMetadataDocument, document);
    assert.deepEqual(
      await awsError(update(arn!, { SAMLMetadataDocument: `<a>${"x".repeat(1000)}</a>` })),
      invalid("Could not parse metadata."),
    );
  });

  it("tags, untags and lists tags sorted by key", async () => {
    const { SAMLProviderArn: arn } = await create(unique("Tagged"));
    await h.iam.send(
      new TagSAMLProviderCommand({
        SAMLProviderArn: arn,
        Tags: [
          { Key: "z", Value: "1" },
          { Key: "a", Value: "2" },
        ],
      }),
    );
    await h.iam.send(new UntagSAMLProviderCommand({ SAMLProviderArn: arn, TagKeys: ["Z"] }));
    const { Tags } = await h.iam.send(new ListSAMLProviderTagsCommand({ SAMLProviderArn: arn }));
    assert.deepEqual(Tags, [{ Key: "a", Value: "2" }]);
  });

  it("answers NoSuchEntity (Manifest not found) once deleted", async () => {
    const { SAMLProviderArn: arn } = await create(unique("Gone"));
    await h.iam.send(new DeleteSAMLProviderCommand({ SAMLProviderArn: arn }));
    const missing = { name: "NoSuchEntityException", message: `Manifest not found for arn ${arn}`, status: 404 };
    for (const command of [
      new GetSAMLProviderCommand({ SAMLProviderArn: arn }),
      new DeleteSAMLProviderCommand({ SAMLProviderArn: arn }),
      new UpdateSAMLProviderCommand({ SAMLProviderArn: arn, AssertionEncryptionMode: "Allowed" }),
      new TagSAMLProviderCommand({ SAMLProviderArn: arn, Tags: [{ Key: "k", Value: "v" }] }),
      new UntagSAMLProviderCommand({ SAMLProviderArn: arn, TagKeys: ["k"] }),
      new ListSAMLProviderTagsCommand({ SAMLProviderArn: arn }),
    ]) {
      assert.deepEqual(await awsError(h.iam.send(command as never)), missing, command.constructor.name);
    }
  });

  it("refuses a role trusting a SAML provider that doesn't exist", async () => {
    const name = unique("Trusted");
    const role = unique("saml-role");
    const trust = samlTrust(arnOf(name));
    assert.deepEqual(await awsError(h.iam.send(new CreateRoleCommand({ RoleName: role, AssumeRolePolicyDocument: trust }))), {
      name: "MalformedPolicyDocumentException",
      message: `Invalid principal in policy: "FEDERATED":"${arnOf(name)}"`,
      status: 400,
    });
    await create(name);
    await h.iam.send(new CreateRoleCommand({ RoleName: role, AssumeRolePolicyDocument: trust }));
    await h.iam.send(new DeleteRoleCommand({ RoleName: role }));
  });

  it("is authorized on the provider's ARN and tags", async () => {
    const mine = await h.iam.send(
      new CreateSAMLProviderCommand({ Name: unique("Mine"), SAMLMetadataDocument: samlMetadata(), Tags: [{ Key: "owner", Value: "me" }] }),
    );
    const theirs = await create(unique("Theirs"));
    const user = await iamUser(h, {
      inline: policy(
        allow("iam:GetSAMLProvider", "*", { StringEquals: { "aws:ResourceTag/owner": "me" } }),
        allow("iam:ListSAMLProviders"),
      ),
    });
    await user.iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: mine.SAMLProviderArn }));
    await user.iam.send(new ListSAMLProvidersCommand({}));
    const denied = await awsError(user.iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: theirs.SAMLProviderArn })));
    assert.deepEqual(denied, {
      name: "AccessDenied",
      message: `User: ${user.arn} is not authorized to perform: iam:GetSAMLProvider on resource: ${theirs.SAMLProviderArn} because no identity-based policy allows the iam:GetSAMLProvider action`,
      status: 403,
    });
    assert.equal(
      (await awsError(user.iam.send(new DeleteSAMLProviderCommand({ SAMLProviderArn: mine.SAMLProviderArn })))).name,
      "AccessDenied",
    );
  });

  it("keeps to 100 SAML providers per account", async () => {
    const { SAMLProviderList } = await h.iam.send(new ListSAMLProvidersCommand({}));
    for (let n = SAMLProviderList!.length; n < 100; n++) await create(unique("Many"));
    assert.deepEqual(await awsError(create(unique("OneMore"))), {
      name: "LimitExceededException",
      message: "Cannot exceed quota for SAMLProvidersPerAccount: 100",
      status: 409,
    });
  });
});
