import type { OrgAccountDto, OrganizationTree } from "@/lib/queries/organizations";

/** A row of the organization's hierarchy: the root, an OU or an account. */
export type TreeItem = {
  kind: "root" | "ou" | "account";
  id: string;
  arn: string;
  name: string;
  parentId?: string;
  account?: OrgAccountDto;
};

export type TreeIndex = {
  roots: TreeItem[];
  byId: Map<string, TreeItem>;
  children: Map<string, TreeItem[]>;
};

const byName = (a: TreeItem, b: TreeItem) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/** Indexes the flat tree the API returns; each parent lists its OUs first, then its accounts, each by name. */
export function indexTree(tree: OrganizationTree): TreeIndex {
  const roots: TreeItem[] = tree.roots.map((r) => ({ kind: "root", id: r.id, arn: r.arn, name: r.name }));
  const units: TreeItem[] = tree.units.map((u) => ({ kind: "ou", id: u.id, arn: u.arn, name: u.name, parentId: u.parentId }));
  const accounts: TreeItem[] = tree.accounts.map(({ parentId, ...a }) => ({
    kind: "account",
    id: a.id,
    arn: a.arn,
    name: a.name || a.id,
    parentId,
    account: a,
  }));
  const byId = new Map([...roots, ...units, ...accounts].map((i) => [i.id, i]));
  const children = new Map<string, TreeItem[]>();
  for (const list of [units.sort(byName), accounts.sort(byName)])
    for (const item of list) children.set(item.parentId!, [...(children.get(item.parentId!) ?? []), item]);
  return { roots, byId, children };
}

/** The roots and OUs above a node, root first. */
export function ancestors(index: TreeIndex, id: string): TreeItem[] {
  const out: TreeItem[] = [];
  for (let item = index.byId.get(index.byId.get(id)?.parentId ?? ""); item; item = index.byId.get(item.parentId ?? "")) out.unshift(item);
  return out;
}

/** Every root and OU, depth first, with the path that names it ("Root / Workloads / Dev"). */
export function containers(index: TreeIndex): { item: TreeItem; path: string }[] {
  const out: { item: TreeItem; path: string }[] = [];
  const walk = (item: TreeItem, path: string) => {
    out.push({ item, path });
    for (const c of index.children.get(item.id) ?? []) if (c.kind === "ou") walk(c, `${path} / ${c.name}`);
  };
  for (const r of index.roots) walk(r, r.name);
  return out;
}

/** The IDs a filter keeps: each matching node and the roots and OUs that lead to it. */
export function matching(index: TreeIndex, text: string): Set<string> | undefined {
  const needle = text.trim().toLowerCase();
  if (!needle) return undefined;
  const keep = new Set<string>();
  for (const item of index.byId.values()) {
    const hay = [item.name, item.id, item.account?.email ?? ""].join(" ").toLowerCase();
    if (!hay.includes(needle)) continue;
    keep.add(item.id);
    for (const a of ancestors(index, item.id)) keep.add(a.id);
  }
  return keep;
}
