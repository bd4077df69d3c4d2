import { z } from "zod";
import { pageQuerySchema } from "./iam";

export const policyListQuerySchema = pageQuerySchema.extend({
  scope: z.enum(["All", "AWS", "Local"]).default("All"),
  onlyAttached: z.enum(["true", "false"]).optional().transform((v) => v === "true"),
  usage: z.enum(["PermissionsPolicy", "PermissionsBoundary"]).optional(),
});
export type PolicyListQuery = z.input<typeof policyListQuerySchema>;
