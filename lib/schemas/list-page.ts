import { z } from "@/lib/zod";

/** The page sizes a table's Preferences offer; a route serves no larger page. */
export const PAGE_SIZES = [10, 25, 50, 100] as const;

/**
 * A list route's query string: `?page=2&pageSize=25&filter=dev&sort=createDate&desc=true`, every field optional.
 * `fresh=true` (the table's Refresh button) reads the list from IAM again instead of the server's short-lived snapshot.
 */
export const listPageQuerySchema = <const C extends readonly [string, ...string[]]>(sortColumns: C) =>
  z.object({
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
    filter: z.string().max(256).default(""),
    sort: z.enum(sortColumns).default(sortColumns[0]),
    desc: z
      .enum(["true", "false"])
      .default("false")
      .transform((v) => v === "true"),
    fresh: z
      .enum(["true", "false"])
      .default("false")
      .transform((v) => v === "true"),
  });

export const USER_SORTS = ["userName", "path", "createDate"] as const;
export const GROUP_SORTS = ["groupName", "path", "createDate"] as const;
export const ROLE_SORTS = ["roleName", "createDate"] as const;
export const POLICY_SORTS = ["policyName", "typeLabel", "usedAs", "attachmentCount"] as const;

export const usersPageSchema = listPageQuerySchema(USER_SORTS);
export const groupsPageSchema = listPageQuerySchema(GROUP_SORTS);
export const rolesPageSchema = listPageQuerySchema(ROLE_SORTS);
export const policiesPageSchema = listPageQuerySchema(POLICY_SORTS).extend({
  type: z.enum(["All", "AWS", "Local", "JobFunction"]).default("All"),
  usage: z.enum(["", "PermissionsPolicy", "PermissionsBoundary", "NotUsed"]).default(""),
});

/** Any list route's parsed query; `sort` is one of the route's own columns. */
export type ListPageInput = Omit<z.infer<typeof usersPageSchema>, "sort"> & { sort: string };
export type PoliciesPageInput = z.infer<typeof policiesPageSchema>;
