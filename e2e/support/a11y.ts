import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** WCAG 2.1 A and AA, the level AWS's console is audited to. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Waits until the page is still: nothing loading, no request in flight, no finite animation or transition running. */
async function settle(page: Page) {
  await expect(page.getByText(/^Loading\b/).filter({ visible: true })).toHaveCount(0, { timeout: 60_000 });
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getComputedTiming().iterations === Infinity),
  );
}

const describe = (node: { target: unknown[]; html: string }) =>
  `${node.target.join(" ")} ${node.html.length > 160 ? `${node.html.slice(0, 160)}…` : node.html}`;

/** The page's serious and critical WCAG violations, one line each: rule, impact, the rule's help, and the offending elements (selector and HTML). */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  await settle(page);
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} (${v.helpUrl}) at ${v.nodes.map(describe).join(" | ")}`);
}

/**
 * Checks the page as it is now (a step, a modal, an error shown) and records its serious and critical violations
 * as a soft failure, so one test reports every page it visits.
 */
export async function expectNoSeriousA11yViolations(page: Page, where = page.url()) {
  expect.soft(await seriousA11yViolations(page), `serious or critical accessibility violations on ${where}`).toEqual([]);
}
