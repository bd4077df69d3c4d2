import { ListGroupsCommand, ListPoliciesCommand, ListRolesCommand, ListUsersCommand, type IAMClient } from "@aws-sdk/client-iam";
import { expect, type Locator, type Page } from "@playwright/test";

/** Counts as AWS's console writes them: "1,602". */
export const count = (n: number) => n.toLocaleString("en-US");

/** The browser's string order (Chromium sorts with the en-US collation Playwright gives it). */
export const byName = new Intl.Collator("en-US").compare;

type Paged = { IsTruncated?: boolean; Marker?: string };

/** Every item of an IAM list, straight from the SDK, to check the console against. */
async function everything<T>(call: (Marker?: string) => Promise<Paged & { items?: T[] }>): Promise<T[]> {
  const out: T[] = [];
  let Marker: string | undefined;
  do {
    const r = await call(Marker);
    out.push(...(r.items ?? []));
    Marker = r.IsTruncated ? r.Marker : undefined;
  } while (Marker);
  return out;
}

export const allPolicies = (iam: IAMClient) =>
  everything((Marker) => iam.send(new ListPoliciesCommand({ Marker, MaxItems: 1000 })).then((r) => ({ ...r, items: r.Policies })));
export const allUsers = (iam: IAMClient) =>
  everything((Marker) => iam.send(new ListUsersCommand({ Marker, MaxItems: 1000 })).then((r) => ({ ...r, items: r.Users })));
export const allGroups = (iam: IAMClient) =>
  everything((Marker) => iam.send(new ListGroupsCommand({ Marker, MaxItems: 1000 })).then((r) => ({ ...r, items: r.Groups })));
export const allRoles = (iam: IAMClient) =>
  everything((Marker) => iam.send(new ListRolesCommand({ Marker, MaxItems: 1000 })).then((r) => ({ ...r, items: r.Roles })));

/** The search box's "N matches" (Cloudscape keeps a hidden copy for screen readers). */
export const matchesCount = (table: Locator, text: string) => table.getByText(text, { exact: true }).filter({ visible: true });

/** The links in the first column of a table's body rows, in the order shown. */
export const shownNames = (table: Locator) => table.locator("tbody tr").locator("td").locator("a").allTextContents();

/** Sets the table's page size in its Preferences modal, as a user does. */
export async function setPageSize(page: Page, table: Locator, label: string) {
  await table.getByRole("button", { name: "Preferences" }).click();
  const modal = page.getByRole("dialog", { name: "Preferences" });
  await modal.getByText(label, { exact: true }).click();
  await modal.getByRole("button", { name: "Confirm" }).click();
  await expect(modal).toBeHidden();
}

/** Clicks a sortable column's header until the table reports the wanted order. */
export async function sortBy(table: Locator, column: string, order: "ascending" | "descending") {
  const header = table.getByRole("columnheader", { name: column });
  for (let i = 0; i < 2 && (await header.getAttribute("aria-sort")) !== order; i++) await header.click();
  await expect(header).toHaveAttribute("aria-sort", order);
}
