import { CreateLoginProfileCommand, CreateUserCommand, DeleteLoginProfileCommand, DeleteUserCommand } from "@aws-sdk/client-iam";
import type { Page } from "@playwright/test";
import { test, expect as baseExpect } from "./fixtures";
import { field, openSignIn } from "./support/sign-in";

// Generous waits: a dev server compiles each page and route on first use, and e2e runs share the machine.
const expect = baseExpect.configure({ timeout: 45_000 });
test.describe.configure({ timeout: 240_000 });

test.use({ storageState: { cookies: [], origins: [] } });

const PASSWORD = "Throttle-e2e-Passw0rd!";
const INCORRECT = "Your authentication information is incorrect. Please try again.";
const THROTTLED = /^Too many failed sign-in attempts\. Wait (\d+) seconds? and try again\.$/;

/** Submits the form and returns the failure it shows (the form clears it on submit, then shows the answer). */
async function submit(page: Page): Promise<string> {
  const answered = page.waitForResponse((r) => r.url().includes("/api/auth/callback/clef"));
  await page.getByTestId("signin-submit").click();
  await answered;
  const failure = page.getByText(/^(Your authentication information is incorrect|Too many failed sign-in attempts)/);
  await expect(failure).toBeVisible();
  return (await failure.innerText()).trim();
}

test("a burst of wrong passwords is slowed down with AWS-like words; after the wait the right password works", async ({
  page,
  iam,
  unique,
}) => {
  const userName = unique("throttle");
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(new CreateLoginProfileCommand({ UserName: userName, Password: PASSWORD }));
  try {
    await openSignIn(page);
    await page.getByText("IAM user", { exact: true }).click();
    await field(page, "signin-account").fill("000000000000");
    await field(page, "signin-userName").fill(userName);
    await field(page, "signin-password").fill("not-the-password");

    const answers: string[] = [];
    for (let i = 0; i < 20 && !THROTTLED.test(answers.at(-1) ?? ""); i++) answers.push(await submit(page));
    const throttled = answers.at(-1)!;
    await page.screenshot({ path: "/tmp/security-signin-throttled.png" });
    expect(throttled).toMatch(THROTTLED);
    // Every answer before the refusal was the ordinary wrong-password one.
    expect(answers.slice(0, -1).every((a) => a === INCORRECT)).toBe(true);
    expect(answers.length).toBeGreaterThan(1);

    // The refusal expires: after the wait it names, the right password signs in.
    const seconds = Number(THROTTLED.exec(throttled)![1]);
    await page.waitForTimeout(seconds * 1000);
    await field(page, "signin-password").fill(PASSWORD);
    await page.getByTestId("signin-submit").click();
    await expect(page.getByRole("button", { name: `${userName} @ 0000-0000-0000` })).toBeVisible();
  } finally {
    // Leave the console first: deleting the signed-in user makes the open page go to sign-in by itself, and that
    // navigation during the context's teardown hung Playwright's close (240 s, twice in about 15 passes).
    await page.goto("about:blank");
    await iam.send(new DeleteLoginProfileCommand({ UserName: userName }));
    await iam.send(new DeleteUserCommand({ UserName: userName }));
  }
});
