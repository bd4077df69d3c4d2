"use client";

import { ResourceTags } from "@/components/common/resource-tags";
import { useUpdateRoleTags, type RoleDetail } from "@/lib/queries/roles";

/** Tags: the role's tags, and "Manage tags" (UntagRole the removed keys, TagRole the rest). */
export function RoleTagsTab({ role }: { role: RoleDetail }) {
  const update = useUpdateRoleTags(role.roleName);
  return <ResourceTags tags={role.tags} update={update} savedText={`Tags updated for role ${role.roleName}.`} />;
}
