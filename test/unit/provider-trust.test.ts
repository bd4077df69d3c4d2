import "../helpers/server-only";
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { trustsProvider } from "../../lib/server/services/identity-providers";

// IAM returns a role's trust policy URL-encoded; the provider's page lists the roles that name it as `Federated`.
const GITHUB = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
const SAML = "arn:aws:iam::123456789012:saml-provider/Okta";
const encoded = (doc: unknown) => encodeURIComponent(JSON.stringify(doc));
const statement = (Principal: unknown) => ({ Effect: "Allow", Principal, Action: "sts:AssumeRoleWithWebIdentity" });

describe("trustsProvider", () => {
  it("matches a Federated principal written as a string or in an array, in any statement", () => {
    assert.equal(trustsProvider(encoded({ Version: "2012-10-17", Statement: [statement({ Federated: GITHUB })] }), GITHUB), true);
    assert.equal(trustsProvider(encoded({ Statement: statement({ Federated: [SAML, GITHUB] }) }), GITHUB), true);
    const two = { Statement: [statement({ Service: "ec2.amazonaws.com" }), statement({ Federated: GITHUB })] };
    assert.equal(trustsProvider(encoded(two), GITHUB), true);
  });

  it("ignores other providers, other principal kinds and documents it cannot read", () => {
    assert.equal(trustsProvider(encoded({ Statement: [statement({ Federated: SAML })] }), GITHUB), false);
    assert.equal(trustsProvider(encoded({ Statement: [statement({ AWS: GITHUB })] }), GITHUB), false);
    assert.equal(trustsProvider(encoded({ Statement: [statement("*")] }), GITHUB), false);
    assert.equal(trustsProvider(encoded({ Statement: [statement({ Federated: `${GITHUB}/extra` })] }), GITHUB), false);
    assert.equal(trustsProvider("%7Bnot-json", GITHUB), false);
    assert.equal(trustsProvider(undefined, GITHUB), false);
  });
});
