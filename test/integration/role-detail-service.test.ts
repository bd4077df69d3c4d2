import "../helpers/server-only";
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { CreateAccountAliasCommand, CreateRoleCommand } from "@aws-sdk/client-iam";
import { startHarness, unique, type Harness } from "../helpers/local-aws";
import { rootPrincipal } from "../helpers/server-services";

const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
});
const ENV = ["CLEF_BACKEND", "CLEF_AWS_ENDPOINT", "AWS_ENDPOINT_URL", "NEXTAUTH_URL"] as const;

describe("the role page's service (getRole): the switch-role link", () => {
  let h: Harness;
  let getRole: typeof import("../../lib/server/services/role-detail").getRole;
  const saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));
  const roleName = unique("switch");
  const pathRole = unique("dev");

  before(async () => {
    h = await startHarness();
    ({ getRole } = await import("../../lib/server/services/role-detail"));
    await h.iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: TRUST }));
    await h.iam.send(new CreateRoleCommand({ RoleName: pathRole, Path: "/job-function/", AssumeRolePolicyDocument: TRUST }));
    await h.iam.send(new CreateAccountAliasCommand({ AccountAlias: "switch-test" }));
  });
  after(async () => {
    for (const k of ENV)
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    await h.stop();
  });

  it("local mode: this console's Switch role page, pre-filled (signin.aws.amazon.com knows nothing of local-aws's accounts)", async () => {
    delete process.env.CLEF_BACKEND;
    process.env.CLEF_AWS_ENDPOINT = h.aws.url;
    process.env.NEXTAUTH_URL = "http://localhost:3999";
    const role = await getRole({ principal: rootPrincipal(h), params: { roleName } });
    assert.equal(role.roleName, roleName);
    const displayName = encodeURIComponent(`${roleName} @ switch-test`).replace(/%20/g, "+");
    assert.equal(
      role.switchRoleUrl,
      `http://localhost:3999/switch-role?account=switch-test&roleName=${roleName}&displayName=${displayName}`,
    );
    const withPath = new URL((await getRole({ principal: rootPrincipal(h), params: { roleName: pathRole } })).switchRoleUrl);
    assert.equal(withPath.searchParams.get("roleName"), `job-function/${pathRole}`);
    assert.equal(withPath.searchParams.get("displayName"), `${pathRole} @ switch-test`);
  });

  it("AWS mode: AWS's link, naming the account by its alias", async () => {
    process.env.CLEF_BACKEND = "aws";
    // The SDK's own endpoint setting stands in for AWS's endpoints, so AWS mode runs against local-aws here.
    process.env.AWS_ENDPOINT_URL = h.aws.url;
    const role = await getRole({ principal: rootPrincipal(h), params: { roleName } });
    assert.equal(role.switchRoleUrl, `https://signin.aws.amazon.com/switchrole?roleName=${roleName}&account=switch-test`);
    const withPath = await getRole({ principal: rootPrincipal(h), params: { roleName: pathRole } });
    assert.equal(withPath.switchRoleUrl, `https://signin.aws.amazon.com/switchrole?roleName=job-function/${pathRole}&account=switch-test`);
  });
});
