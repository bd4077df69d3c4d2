import { z } from "@/lib/zod";
import { arnSchema } from "./iam";

/** The user, group, role or managed policy whose Access Advisor tab is shown. */
export const accessAdvisorSchema = z.object({ arn: arnSchema });
export type AccessAdvisorInput = z.infer<typeof accessAdvisorSchema>;
