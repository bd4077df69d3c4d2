import { z } from "@/lib/zod";
import { parseArn } from "@/lib/policy/arn";
import { parseCidr, parseDate, parseNumber } from "@/lib/policy/evaluate/values";
import { validatePolicy } from "@/lib/policy/validate";
import { arnSchema } from "./iam";

/** The simulator's ContextKeyType values (IAM API reference). */
export const CONTEXT_KEY_TYPES = [
  "string",
  "stringList",
  "numeric",
  "numericList",
  "boolean",
  "booleanList",
  "ip",
  "ipList",
  "binary",
  "binaryList",
  "date",
  "dateList",
] as const;
export type ContextKeyType = (typeof CONTEXT_KEY_TYPES)[number];

const VALUE_RULES: Record<string, [(v: string) => boolean, string]> = {
  string: [() => true, ""],
  numeric: [(v) => !Number.isNaN(parseNumber(v)), "a number, such as 42"],
  boolean: [(v) => /^(true|false)$/i.test(v), "true or false"],
  ip: [(v) => parseCidr(v) !== undefined, "an IP address or CIDR block, such as 203.0.113.0/24"],
  binary: [(v) => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(v), "Base64 text"],
  date: [(v) => !Number.isNaN(parseDate(v)), "a date, such as 2026-01-31T12:00:00Z"],
};

/** `service:Action`, or a pattern the console expands from the action catalogue (`iam:Get*`). */
export const simulatorActionSchema = z
  .string()
  .trim()
  .regex(/^[a-zA-Z0-9-]+:[a-zA-Z0-9_*?-]+$/, "Enter an action as service:Action, such as iam:CreateUser or iam:Get*.");

export const simulatorResourceSchema = z
  .string()
  .trim()
  .refine((r) => r === "*" || parseArn(r) !== undefined, 'Enter "*" or an ARN, such as arn:aws:s3:::amzn-s3-demo-bucket/*.');

/** A document checked with the same grammar IAM applies (lib/policy), so a bad policy is reported at its field. */
export const simulatorPolicySchema = z
  .string()
  .min(1, "Enter a policy document.")
  .max(131072, "The policy document can have up to 131,072 characters.")
  .superRefine((text, ctx) => {
    const finding = validatePolicy(text, "identity")[0];
    if (finding) ctx.addIssue({ code: "custom", message: finding.detail ? `${finding.message} (${finding.detail})` : finding.message });
  });

export const contextEntrySchema = z
  .object({
    key: z
      .string()
      .trim()
      .min(5, "A context key name has 5 to 256 characters, such as aws:SourceIp.")
      .max(256, "A context key name has 5 to 256 characters."),
    type: z.enum(CONTEXT_KEY_TYPES),
    values: z.array(z.string().trim().min(1)).min(1, "Enter a value."),
  })
  .superRefine((entry, ctx) => {
    const list = entry.type.endsWith("List");
    if (!list && entry.values.length > 1)
      ctx.addIssue({ code: "custom", path: ["values"], message: `A ${entry.type} key takes one value.` });
    const [valid, expected] = VALUE_RULES[entry.type.replace(/List$/, "")];
    const bad = entry.values.find((v) => !valid(v));
    if (bad !== undefined) ctx.addIssue({ code: "custom", path: ["values"], message: `"${bad}" is not ${expected}.` });
  });
export type ContextEntryInput = z.infer<typeof contextEntrySchema>;

export const simulationSourceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("principal"), arn: arnSchema }),
  z.object({ kind: z.literal("custom"), policies: z.array(simulatorPolicySchema).min(1, "Enter at least one policy.").max(20) }),
]);
export type SimulationSource = z.infer<typeof simulationSourceSchema>;

export const simulationSchema = z.object({
  source: simulationSourceSchema,
  /** A permissions boundary document to simulate; for a principal, it replaces the principal's own boundary. */
  boundary: simulatorPolicySchema.optional(),
  actions: z.array(simulatorActionSchema).min(1, "Choose at least one action.").max(200, "Choose up to 200 actions or patterns."),
  resources: z
    .array(simulatorResourceSchema)
    .min(1, 'Enter "*" or at least one ARN.')
    .max(100, "Enter up to 100 resources.")
    .default(["*"]),
  context: z.array(contextEntrySchema).max(100, "Enter up to 100 context keys.").default([]),
});
export type SimulationInput = z.input<typeof simulationSchema>;

export const contextKeysQuerySchema = z.object({ source: simulationSourceSchema, boundary: simulatorPolicySchema.optional() });
export type ContextKeysQuery = z.infer<typeof contextKeysQuerySchema>;

export const policySourcesQuerySchema = z.object({ arn: arnSchema });

export const catalogueActionsQuerySchema = z.object({
  service: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-zA-Z0-9-]+$/, "Enter a service prefix, such as iam."),
});
