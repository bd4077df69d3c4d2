"use client";

import Spinner from "@cloudscape-design/components/spinner";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { ResourceTags } from "@/components/common/resource-tags";
import { useOrgTags } from "@/lib/queries/organizations-policies";
import { useUpdateOrgTags } from "@/lib/queries/organizations-mutations";

/** The tags of a root, OU, account or policy (ListTagsForResource), edited with "Manage tags". */
export function NodeTagsTab({ resource, readOnly }: { resource: { id: string; name: string }; readOnly?: boolean }) {
  const tags = useOrgTags(resource.id);
  const update = useUpdateOrgTags(resource.id);
  if (tags.isLoading) return <Spinner />;
  if (tags.error) return <ApiErrorAlert error={tags.error} />;
  return <ResourceTags tags={tags.data ?? []} update={update} savedText={`Tags of ${resource.name} saved.`} readOnly={readOnly} />;
}
