import { roleNameSchema } from "@/lib/schemas/iam";
import { roleDescriptionSchema } from "@/lib/schemas/roles";
import type { RoleDetailsDraft } from "./role-details-form";

const first = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? undefined : r.error?.issues[0]?.message);

/** Messages next to the role name and description: as typed, or all of them once the user tried to go on. */
export function roleDetailsErrors(
  d: RoleDetailsDraft,
  attempted: boolean,
  serverRoleName?: string,
): Partial<Record<keyof RoleDetailsDraft, string>> {
  const out: Partial<Record<keyof RoleDetailsDraft, string>> = {};
  const name = d.roleName || attempted ? first(roleNameSchema.safeParse(d.roleName)) : undefined;
  if (name ?? serverRoleName) out.roleName = name ?? serverRoleName;
  const description = first(roleDescriptionSchema.safeParse(d.description));
  if (description) out.description = description;
  return out;
}
