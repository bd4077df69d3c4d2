import { CreatePolicyCommand, CreateUserCommand, PutUserPermissionsBoundaryCommand, PutUserPolicyCommand } from "@aws-sdk/client-iam";
import { test } from "./fixtures";
import { addActions, choosePrincipal, expect, fillEditorIn, linesOf, openSimulator, policy, resultRow } from "./simulator-support";

test.describe.configure({ timeout: 240_000 });

const S3_POLICY = policy(
  { Sid: "ReadObjects", Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: "*" },
  { Sid: "NeverDelete", Effect: "Deny", Action: "s3:DeleteObject", Resource: "*" },
);

test("a user's policies simulated: allowed, explicit deny and implicit deny; a row shows its deciding statement", async ({
  page,
  iam,
  unique,
}) => {
  const userName = unique("sim-user");
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(new PutUserPolicyCommand({ UserName: userName, PolicyName: "S3Objects", PolicyDocument: S3_POLICY }));

  await openSimulator(page);
  await choosePrincipal(page, userName);
  await expect(page.getByTestId("policy-sources")).toContainText("S3Objects");
  await expect(page.getByTestId("policy-sources")).toContainText("Inline");

  await addActions(page, ["s3:GetObject", "s3:DeleteObject"]);
  // The other way: a service, then its actions (grouped by access level).
  await page.getByTestId("simulator-service").getByRole("button").first().click();
  await page.getByPlaceholder("Find service").fill("s3 · ");
  await expect(page.getByRole("option")).toHaveCount(1);
  await page.getByRole("option", { name: /Amazon S3/ }).click();
  await page.getByTestId("simulator-actions").getByRole("button").first().click();
  await page.getByPlaceholder("Find actions").fill("PutObject");
  await page.getByRole("option", { name: "PutObject", exact: true }).click();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("simulator-selected-actions")).toContainText("s3:PutObject");
  await page.getByTestId("run-simulation").click();

  await expect(resultRow(page, "s3:GetObject")).toContainText("Allowed");
  await expect(resultRow(page, "s3:DeleteObject")).toContainText("Denied (explicit deny)");
  await expect(resultRow(page, "s3:PutObject")).toContainText("Denied (implicit deny)");
  await page.screenshot({ path: "/tmp/simulator-results.png", fullPage: true });

  await resultRow(page, "s3:DeleteObject").getByRole("cell").first().click();
  const detail = page.getByTestId("result-detail");
  await expect(detail.getByTestId("decision-summary")).toHaveText(
    "Explicitly denied by a Deny statement in the identity-based policy S3Objects.",
  );
  await expect(detail.getByTestId("deciding-layer")).toHaveText("Deciding layer: identity-based policy");
  const editor = detail.getByTestId("policy-editor");
  await expect(editor).toHaveAttribute("data-highlights", linesOf(S3_POLICY, "NeverDelete"));
  await expect(editor.locator(".clef-statement-highlight").first()).toBeVisible();
  await detail.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/simulator-explicit-deny.png", fullPage: true });

  await resultRow(page, "s3:GetObject").getByRole("cell").first().click();
  await expect(detail.getByTestId("decision-summary")).toHaveText("Allowed: a policy allows the action and no policy denies it.");
  await expect(detail.getByTestId("policy-editor")).toHaveAttribute("data-highlights", linesOf(S3_POLICY, "ReadObjects"));

  await resultRow(page, "s3:PutObject").getByRole("cell").first().click();
  await expect(detail.getByTestId("decision-summary")).toHaveText("Implicitly denied: no identity-based policy allows it.");
  await expect(detail.getByTestId("policy-editor")).toHaveCount(0);
});

test("a permissions boundary that doesn't allow an action is named as the deciding layer", async ({ page, iam, unique }) => {
  const userName = unique("sim-bound");
  const boundaryName = unique("sim-boundary");
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: userName,
      PolicyName: "AllS3",
      PolicyDocument: policy({ Sid: "AllS3", Effect: "Allow", Action: "s3:*", Resource: "*" }),
    }),
  );
  const { Policy } = await iam.send(
    new CreatePolicyCommand({
      PolicyName: boundaryName,
      PolicyDocument: policy({ Sid: "OnlyRead", Effect: "Allow", Action: "s3:GetObject", Resource: "*" }),
    }),
  );
  await iam.send(new PutUserPermissionsBoundaryCommand({ UserName: userName, PermissionsBoundary: Policy!.Arn }));

  await openSimulator(page);
  await choosePrincipal(page, userName);
  await expect(page.getByTestId("policy-sources")).toContainText("Permissions boundary");
  await addActions(page, ["s3:GetObject", "s3:PutObject"]);
  await page.getByTestId("run-simulation").click();
  await expect(resultRow(page, "s3:GetObject")).toContainText("Allowed");
  await expect(resultRow(page, "s3:PutObject")).toContainText("Denied (implicit deny)");

  await resultRow(page, "s3:PutObject").getByRole("cell").first().click();
  const detail = page.getByTestId("result-detail");
  await expect(detail.getByTestId("decision-summary")).toHaveText("Implicitly denied: the permissions boundary doesn't allow it.");
  await expect(detail.getByTestId("deciding-layer")).toHaveText("Deciding layer: permissions boundary");
  await expect(detail.getByText(`No statement in the boundary ${boundaryName} allows the request.`)).toBeVisible();
  await expect(detail.getByText("Without the boundary, these statements would allow it:")).toBeVisible();
  await expect(detail.locator(`[data-policy="user_${userName}_AllS3"]`).getByTestId("policy-editor")).toHaveAttribute(
    "data-highlights",
    "4-9",
  );
  await page.screenshot({ path: "/tmp/simulator-boundary.png", fullPage: true });
});

test("custom policies: wildcard actions, context keys with typed values, and bad input reported at each field", async ({ page }) => {
  await openSimulator(page);
  await expect(async () => {
    await page.getByRole("button", { name: "Custom policies", exact: true }).click();
    await expect(page.getByTestId("custom-policy-1")).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });

  // Nothing chosen yet, and a resource that is not an ARN: each error at its field.
  await page.getByTestId("simulator-resources").locator("textarea").fill("*\nnot-an-arn");
  await page.getByTestId("run-simulation").click();
  await expect(page.getByText("Choose at least one action.")).toBeVisible();
  await expect(page.getByText('Line 2: Enter "*" or an ARN, such as arn:aws:s3:::amzn-s3-demo-bucket/*.')).toBeVisible();
  await page.getByTestId("simulator-resources").locator("textarea").fill("*");

  // A malformed policy is reported under its editor with IAM's grammar message.
  const first = page.getByTestId("custom-policy-1");
  await fillEditorIn(page, first, JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "iam:GetUser" }] }));
  await addActions(page, ["iam:Get*"]);
  await page.getByTestId("run-simulation").click();
  // Under the editor: the live finding, and the same words as the field's error once the simulation is refused.
  await expect(first.getByText("Policy statement must contain resources.", { exact: true })).toHaveCount(2);

  // One line: typed into Monaco as is (its auto-indent would change a multi-line text).
  const IP_POLICY = JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "FromOffice",
        Effect: "Allow",
        Action: "iam:Get*",
        Resource: "*",
        Condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } },
      },
    ],
  });
  await fillEditorIn(page, first, IP_POLICY);
  await page.getByTestId("run-simulation").click();
  await expect(page.getByTestId("simulator-selected-actions")).toContainText(/iam:Get\*\s*\d+ actions/);
  const getUser = resultRow(page, "iam:GetUser").filter({ hasNotText: "iam:GetUserPolicy" });
  await expect(getUser).toContainText("Denied (implicit deny)");
  await expect(getUser).toContainText("aws:SourceIp");

  await page.getByTestId("get-context-keys").click();
  const key = page.getByRole("textbox", { name: "Context key 1", exact: true });
  await expect(key).toHaveValue("aws:SourceIp");
  await expect(page.getByTestId("context-entries")).toContainText("ip");
  await page.getByRole("textbox", { name: "Value of context key 1" }).fill("not-an-ip");
  await page.getByTestId("run-simulation").click();
  await expect(page.getByText('"not-an-ip" is not an IP address or CIDR block, such as 203.0.113.0/24.')).toBeVisible();

  await page.getByRole("textbox", { name: "Value of context key 1" }).fill("203.0.113.7");
  await page.getByTestId("run-simulation").click();
  await expect(getUser).toContainText("Allowed");
  await getUser.getByRole("cell").first().click();
  const detail = page.getByTestId("result-detail");
  await expect(detail.getByRole("tab", { name: "Policy 1" })).toBeVisible();
  await expect(detail.getByTestId("policy-editor")).toHaveAttribute("data-highlights", "1-1");
  await page.screenshot({ path: "/tmp/simulator-custom.png", fullPage: true });
});
