import { SwitchRoleForm } from "@/components/switch-role/switch-role-form";
import { roleColorFromParam } from "@/lib/switch-role";

type Params = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** Filled from the link as AWS's switchrole?account=...&roleName=...&displayName=...&color=... is. */
export default async function SwitchRolePage({ searchParams }: { searchParams: Promise<Params> }) {
  const q = await searchParams;
  const initial = {
    account: one(q.account).slice(0, 64),
    roleName: one(q.roleName).slice(0, 128),
    displayName: one(q.displayName).slice(0, 64),
    color: roleColorFromParam(one(q.color)),
  };
  return <SwitchRoleForm initial={initial} />;
}
