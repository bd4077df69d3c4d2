import { BuildReader, kB } from "./bundle-stats";

/** First-load JavaScript (gzip) a page may ship: 300 kB, unless it shows a policy editor on arrival. */
export const DEFAULT_BUDGET = 300 * 1024;

/** The pages that open on a policy editor carry its wrapper (Monaco itself and the catalogue stay lazy everywhere). */
export const EDITOR_BUDGETS: Record<string, number> = {};

export type Offence = { route: string; problem: string };

/**
 * Pages over their budget, pages whose first load carries what only the editor may load lazily (Monaco, the
 * catalogue), and budget entries for pages the build does not have (a renamed page must not keep a loose budget).
 */
export function checkBudgets(build: BuildReader, budgets: Record<string, number> = EDITOR_BUDGETS): Offence[] {
  const pages = build.pages();
  const offences: Offence[] = [];
  for (const page of pages) {
    const budget = budgets[page.route] ?? DEFAULT_BUDGET;
    if (page.gzip > budget) offences.push({ route: page.route, problem: `${kB(page.gzip)} kB gzip, budget ${kB(budget)} kB` });
    for (const part of build.lazyPartsIn(page)) offences.push({ route: page.route, problem: `loads the ${part} up front` });
  }
  for (const route of Object.keys(budgets))
    if (!pages.some((p) => p.route === route)) offences.push({ route, problem: "has a budget but is not in the build" });
  return offences;
}

/** `npm run check:bundle [distDir]` (default .next, or CLEF_DIST_DIR): exit 1 naming every offence. */
export function main(args: string[], budgets: Record<string, number> = EDITOR_BUDGETS): number {
  const build = new BuildReader(args[0] ?? process.env.CLEF_DIST_DIR ?? ".next");
  if (!build.exists()) {
    console.error(`No ${build.statsFile}: run \`npx next build\` first.`);
    return 1;
  }
  const offences = checkBudgets(build, budgets);
  if (!offences.length) {
    console.log(`Every page is within its first-load JavaScript budget (${build.distDir}).`);
    return 0;
  }
  console.error(`First-load JavaScript over budget (${build.distDir}; \`npm run bench:bundle\` lists every page):`);
  for (const o of offences) console.error(`  ${o.route}: ${o.problem}`);
  return 1;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
