import { z } from "@/lib/zod";

/** An action (`iam:CreateUser`) or a pattern (`iam:Create*`, `*`), as Access Analyzer's CheckAccessNotGranted takes them. */
export const accessCheckActionSchema = z
  .string()
  .trim()
  .regex(/^(\*|[a-zA-Z0-9*?-]+:[a-zA-Z0-9*?]+)$/, "Enter an action as service:Action, e.g. iam:CreateUser.");

export const accessCheckResourceSchema = z
  .string()
  .trim()
  .max(2048, "A resource can have up to 2,048 characters.")
  .regex(/^(\*|arn:[^:\s]*:[^:\s]*:[^:\s]*:[^:\s]*:\S+)$/, "Enter a resource ARN (wildcards allowed) or *.");

/** A "must never be granted" check: no policy saved in the console may allow any of the actions (on the resources). */
export const accessCheckSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter a name.")
    .max(128, "The name can have up to 128 characters.")
    .regex(/^[\w+=,.@ -]+$/, "Use letters, numbers, spaces and +=,.@-_ only."),
  actions: z.array(accessCheckActionSchema).min(1, "Enter at least one action.").max(100, "A check can list up to 100 actions."),
  resources: z.array(accessCheckResourceSchema).max(100, "A check can list up to 100 resources.").default([]),
});
export type AccessCheckInput = z.input<typeof accessCheckSchema>;

export const accessCheckIdSchema = z.string().regex(/^chk-[0-9a-f]{16}$/, "Not a check ID.");
