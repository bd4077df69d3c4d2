import { CreateRoleCommand, DeleteRoleCommand } from "@aws-sdk/client-iam";
import type { Locator } from "@playwright/test";
import { test, expect as baseExpect } from "./fixtures";

test.describe.configure({ timeout: 240_000 });
const expect = baseExpect.configure({ timeout: 60_000 });

const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

/** The text of each line the element's text wraps onto, from the positions of its characters. */
const wrappedLines = (element: Locator) =>
  element.evaluate((root) => {
    const lines: string[] = [];
    let top: number | undefined;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.textContent!.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect) continue;
        if (top === undefined || rect.top > top + 2) lines.push("");
        top = rect.top;
        lines[lines.length - 1] += node.textContent![i];
      }
    }
    return lines;
  });

test("an ARN wraps after its separators, never mid-word, at 1400 and 900 pixels wide", async ({ page, iam, unique }) => {
  const roleName = unique("cd-wrapping-role-name-long");
  await iam.send(new CreateRoleCommand({ RoleName: roleName, Path: "/service-role/application/", AssumeRolePolicyDocument: TRUST }));
  try {
    for (const width of [1400, 900]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/roles/details/${roleName}`);
      const arn = page.getByTestId("role-arn");
      await expect(arn).toContainText(`:role/service-role/application/${roleName}`);
      const lines = await wrappedLines(arn);
      expect(lines.join("")).toBe(`arn:aws:iam::000000000000:role/service-role/application/${roleName}`);
      // After a separator, or a hyphen (a line-break opportunity of its own), never inside a word.
      for (const line of lines.slice(0, -1)) expect(line, `a line of ${lines.join(" | ")}`).toMatch(/[/:?&=-]$/);
      if (width === 900) expect(lines.length, "the ARN is too long for one line at 900 pixels").toBeGreaterThan(1);
      await page.screenshot({ path: `/tmp/console-defects-wrapping-${width}.png`, fullPage: true });
    }
  } finally {
    await iam.send(new DeleteRoleCommand({ RoleName: roleName })).catch(() => undefined);
  }
});
