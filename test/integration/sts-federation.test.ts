import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { CreateOpenIDConnectProviderCommand, CreateSAMLProviderCommand } from "@aws-sdk/client-iam";
import { AssumeRoleWithSAMLCommand, AssumeRoleWithWebIdentityCommand } from "@aws-sdk/client-sts";
import { awsError, startHarness, unique, type Harness } from "../helpers/local-aws";
import { ACCOUNT } from "../helpers/iam-user";
import { samlMetadata } from "../helpers/saml-metadata";

const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/federated`;

/** An unsigned JWT with these claims: local-aws never gets as far as its signature. */
const jwt = (claims: Record<string, unknown>) =>
  [{ alg: "RS256", typ: "JWT", kid: "k1" }, claims, "signature"]
    .map((part) => Buffer.from(typeof part === "string" ? part : JSON.stringify(part)).toString("base64url"))
    .join(".");

const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

describe("STS web identity and SAML exchanges against the account's identity providers", () => {
  let h: Harness;
  let issuer: string;
  before(async () => {
    h = await startHarness();
    issuer = `https://${unique("idp")}.example.com/realms/main`;
    await h.iam.send(new CreateOpenIDConnectProviderCommand({ Url: issuer, ClientIDList: ["sts.amazonaws.com", "app"] }));
  });
  after(async () => h.stop());

  const withToken = (WebIdentityToken: string, RoleArn = ROLE_ARN) =>
    awsError(h.sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn, RoleSessionName: "s1", WebIdentityToken })));

  it("refuses a token that isn't a JWT", async () => {
    const e = await withToken("not-a-jwt");
    assert.deepEqual(e, {
      name: "InvalidIdentityTokenException",
      message: "The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)",
      status: 400,
    });
  });

  it("needs an OpenID Connect provider for the token's issuer in the role's account", async () => {
    const other = "https://unknown.example.com";
    const e = await withToken(jwt({ iss: other, aud: "sts.amazonaws.com", sub: "u", exp: inAnHour() }));
    assert.equal(e.name, "InvalidIdentityTokenException");
    assert.equal(e.message, `No OpenIDConnect provider found in your account for ${other}`);
    // The provider belongs to the role's account: a role elsewhere doesn't see it.
    const elsewhere = await withToken(jwt({ iss: issuer, aud: "app", exp: inAnHour() }), "arn:aws:iam::111122223333:role/federated");
    assert.equal(elsewhere.message, `No OpenIDConnect provider found in your account for ${issuer}`);
  });

  it("refuses an audience that isn't one of the provider's client IDs", async () => {
    const e = await withToken(jwt({ iss: issuer, aud: "someone-else", sub: "u", exp: inAnHour() }));
    assert.deepEqual(e, { name: "InvalidIdentityTokenException", message: "Incorrect token audience", status: 400 });
    const list = await withToken(jwt({ iss: issuer, aud: ["x", "y"], sub: "u", exp: inAnHour() }));
    assert.equal(list.message, "Incorrect token audience");
  });

  it("refuses an expired token with ExpiredTokenException", async () => {
    const exp = Math.floor(Date.now() / 1000) - 60;
    const e = await withToken(jwt({ iss: issuer, aud: "app", sub: "u", exp }));
    assert.equal(e.name, "ExpiredTokenException");
    assert.equal(e.status, 400);
    assert.match(e.message, new RegExp(`^Token expired: current date/time \\d+ must be before the expiration date/time ${exp}$`));
  });

  it("answers as AWS does when it cannot retrieve the issuer's verification keys, for a token that passes the rest", async () => {
    // The issuer matches the provider without regard to the host's case or a trailing slash; one audience of several suffices.
    const sameIssuer = issuer.replace(/^https:\/\/([^/]+)/, (_, host: string) => `https://${host.toUpperCase()}`) + "/";
    const e = await withToken(jwt({ iss: sameIssuer, aud: ["x", "sts.amazonaws.com"], sub: "u", exp: inAnHour() }));
    assert.deepEqual(e, {
      name: "InvalidIdentityTokenException",
      message:
        "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements",
      status: 400,
    });
  });

  const withSaml = (PrincipalArn: string) =>
    awsError(
      h.sts.send(
        new AssumeRoleWithSAMLCommand({
          RoleArn: ROLE_ARN,
          PrincipalArn,
          SAMLAssertion: Buffer.from("<samlp:Response/>").toString("base64"),
        }),
      ),
    );

  it("refuses a SAML exchange whose provider ARN is malformed or names no provider", async () => {
    const notProvider = `arn:aws:iam::${ACCOUNT}:role/not-a-provider`;
    const bad = await withSaml(notProvider);
    assert.deepEqual(bad, {
      name: "InvalidIdentityTokenException",
      message: `${notProvider} is not a valid SAML provider ARN.`,
      status: 400,
    });
    const missing = `arn:aws:iam::${ACCOUNT}:saml-provider/${unique("nobody")}`;
    const e = await withSaml(missing);
    assert.equal(e.message, `SAML provider ${missing} does not exist.`);
  });

  it("refuses a SAML assertion for an existing provider: its signature is not verified", async () => {
    const made = await h.iam.send(new CreateSAMLProviderCommand({ Name: unique("saml"), SAMLMetadataDocument: samlMetadata() }));
    const e = await withSaml(made.SAMLProviderArn!);
    assert.deepEqual(e, { name: "InvalidIdentityTokenException", message: "Response signature invalid", status: 400 });
  });
});
