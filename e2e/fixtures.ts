import { test as base, type BrowserContext, type Page } from "@playwright/test";
import { IAMClient } from "@aws-sdk/client-iam";

/**
 * A console page's first load streams each route section (loading.tsx) in a hidden element, and React moves it into
 * place up to 300 ms later, batching reveals. Cloudscape's AppLayout updates its contexts while it hydrates; React then
 * renders a section still waiting for that move anew in the browser, and until the move is dropped the page holds two
 * copies of the section, one hidden. Locators that count hidden elements (getByLabel, getByText, getByTestId) find
 * both. A page load here (goto, reload) ends when no streamed section is left hidden: the page as a user sees it.
 */
async function sectionsRevealed(page: Page) {
  // A page that navigates on by itself meanwhile (a redirect, a reload) is waited for by the test's next step.
  await page.waitForFunction(() => !document.querySelector("div[hidden][id^='S:']"), undefined, { timeout: 30_000 }).catch(() => {});
}

const revealing = new WeakSet<Page>();

/** Makes `page.goto` and `page.reload` wait for the streamed sections to be revealed (see sectionsRevealed). */
export function revealStreamedSections(page: Page): Page {
  if (revealing.has(page)) return page;
  revealing.add(page);
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  page.goto = async (...args) => {
    const response = await goto(...args);
    await sectionsRevealed(page);
    return response;
  };
  page.reload = async (...args) => {
    const response = await reload(...args);
    await sectionsRevealed(page);
    return response;
  };
  return page;
}

/** Every page the context opens waits for its streamed sections on load (for contexts a test makes itself). */
export function revealStreamedSectionsIn(context: BrowserContext): BrowserContext {
  for (const page of context.pages()) revealStreamedSections(page);
  context.on("page", revealStreamedSections);
  return context;
}

/** Test data is arranged through the real SDK against the same local-aws the console uses, as the root user. */
export const test = base.extend<{ iam: IAMClient; unique: (prefix: string) => string }>({
  context: async ({ context }, use) => {
    await use(revealStreamedSectionsIn(context));
  },
  page: async ({ page }, use) => {
    await use(revealStreamedSections(page));
  },
  iam: async ({}, use) => {
    const iam = new IAMClient({
      endpoint: process.env.E2E_AWS_URL,
      region: "us-east-1",
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
    });
    await use(iam);
    iam.destroy();
  },
  unique: async ({}, use) => {
    await use((prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`);
  },
});

export { expect } from "@playwright/test";
