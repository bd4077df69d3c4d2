import { CreateUserCommand } from "@aws-sdk/client-iam";
import { test, expect } from "./fixtures";
import { allUsers, shownNames, sortBy } from "./lists-support";

// A measurement, not a check: run with CLEF_MEASURE_RENDER=1 and LOCAL_AWS_QUOTA_USERS_PER_ACCOUNT=20000 (room for the
// specs after it to create users). It fills the account to 10,000 users, then prints, for each table action, the list
// route's time to first byte and the time from the response's last byte to the new rows in the DOM (JSON, React's
// render and commit). Never asserted.
test.skip(!process.env.CLEF_MEASURE_RENDER, "a measurement: CLEF_MEASURE_RENDER=1");
test.setTimeout(600_000);

const USERS = 10_000;

type Timing = { ttfb: number; render: number };

test("the Users table's server and render times at 10,000 users", async ({ page, iam }) => {
  const have = (await allUsers(iam)).length;
  for (let start = have; start < USERS; start += 64) {
    await Promise.all(
      Array.from({ length: Math.min(64, USERS - start) }, (_, i) =>
        iam.send(new CreateUserCommand({ UserName: `render-${start + i}`, Path: `/team-${(start + i) % 10}/` })),
      ),
    );
  }
  const table = page.getByTestId("users-table");
  const t0 = Date.now();
  await page.goto("/users");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Users \(10,\d{3}\)$/);
  await expect(table.locator("tbody tr")).toHaveCount(25);
  const opened = Date.now() - t0;

  // Each row change is stamped when React commits it to the DOM.
  await page.evaluate(() => {
    const w = window as unknown as { commits: number[] };
    w.commits = [];
    new MutationObserver(() => w.commits.push(performance.now())).observe(document.querySelector("[data-testid=users-table] tbody")!, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  });
  const measure = async (label: string, act: () => Promise<void>) => {
    const before = await shownNames(table);
    await page.evaluate(() => {
      (window as unknown as { commits: number[] }).commits = [];
      performance.clearResourceTimings();
    });
    await act();
    await expect.poll(() => shownNames(table)).not.toEqual(before);
    const t: Timing = await page.evaluate(() => {
      const r = performance
        .getEntriesByType("resource")
        .filter((e) => (e as PerformanceResourceTiming).name.includes("/api/users?"))
        .at(-1) as PerformanceResourceTiming;
      const commits = (window as unknown as { commits: number[] }).commits.filter((c) => c >= r.responseEnd);
      return { ttfb: r.responseStart - r.requestStart, render: Math.min(...commits) - r.responseEnd };
    });
    console.log(`users table, ${label}: server (TTFB) ${t.ttfb.toFixed(0)} ms, render ${t.render.toFixed(0)} ms`);
  };
  console.log(`users table, opened: ${opened} ms from navigation to 25 rows (${USERS.toLocaleString("en-US")} users)`);
  await measure("next page", () => page.getByRole("button", { name: "Next page" }).click());
  await measure("sorted by name, descending", () => sortBy(table, "User name", "descending"));
  await measure("sorted by creation", () => sortBy(table, "Created", "ascending"));
  await measure("searched", () => page.getByPlaceholder("Search users by name or ARN").fill("render-123"));
});
