import { parseArn, type Arn } from "../../arn";
import { REGION, arnFitsTemplate, arnServices, hasArnWildcard, templatesFor } from "../arn-patterns";
import { replaceString } from "../edits";
import type { Hit, LintContext, ValueRef } from "../types";
import { check, nearest } from "./define";

type ArnRef = ValueRef & { arn: Arn };

/** Every Resource and NotResource value that is an ARN. */
export function resourceArns(ctx: LintContext): ArnRef[] {
  return ctx.statements.flatMap((s) =>
    [s.resource, s.notResource].flatMap((e) =>
      (e?.values ?? []).flatMap((v) => {
        const arn = parseArn(v.value);
        return arn ? [{ ...v, arn }] : [];
      }),
    ),
  );
}

/** The ARN values whose service field names known resource types, with those types. */
const typed = (ctx: LintContext) =>
  resourceArns(ctx).flatMap((r) => {
    const templates = hasArnWildcard(r.arn.service) ? undefined : templatesFor(r.arn.service);
    return templates ? [{ ...r, templates }] : [];
  });

const hit = (r: ArnRef, message: string, extra: Partial<Hit> = {}): Hit => ({ message, span: r.span, path: r.path, ...extra });

const invalidService = check(
  "arns",
  "INVALID_SERVICE",
  "WARNING",
  (ctx) =>
    resourceArns(ctx).flatMap((r) => {
      const service = r.arn.service;
      if (!service || hasArnWildcard(service) || templatesFor(service) || templatesFor(service.toLowerCase())) return [];
      const guess = nearest(service, arnServices());
      return [hit(r, `No AWS resource type has ARNs of the service ${service}.${guess ? ` Did you mean ${guess}?` : ""}`)];
    }),
  { accessAnalyzer: "Invalid service" },
);

const serviceCase = check(
  "arns",
  "INVALID_ARN_SERVICE_CASE",
  "ERROR",
  (ctx) =>
    resourceArns(ctx).flatMap((r) => {
      const lower = r.arn.service.toLowerCase();
      if (r.arn.service === lower || !templatesFor(lower)) return [];
      const fixed = ["arn", r.arn.partition, lower, r.arn.region, r.arn.account, r.arn.resource].join(":");
      return [
        hit(r, `The service in an ARN is lower case: ${lower}, not ${r.arn.service}.`, {
          fix: replaceString(`Change to ${lower}`, r.span, fixed),
        }),
      ];
    }),
  { accessAnalyzer: "Invalid ARN service case" },
);

const invalidAccount = check(
  "arns",
  "INVALID_ARN_ACCOUNT",
  "ERROR",
  (ctx) =>
    resourceArns(ctx).flatMap((r) => {
      const a = r.arn.account;
      if (a === "" || a === "aws" || hasArnWildcard(a) || /^\d{12}$/.test(a)) return [];
      return [hit(r, `The account ID ${a} in the ARN is not 12 digits.`)];
    }),
  { accessAnalyzer: "Invalid ARN account" },
);

const invalidRegion = check(
  "arns",
  "INVALID_ARN_REGION",
  "ERROR",
  (ctx) =>
    resourceArns(ctx).flatMap((r) => {
      const region = r.arn.region;
      if (region === "" || hasArnWildcard(region) || REGION.test(region)) return [];
      return [hit(r, `${region} is not an AWS Region code (us-east-1, eu-west-3...).`)];
    }),
  { accessAnalyzer: "Invalid ARN Region" },
);

const regionNotAllowed = check(
  "arns",
  "ARN_REGION_NOT_ALLOWED",
  "ERROR",
  (ctx) =>
    typed(ctx).flatMap((r) =>
      r.arn.region !== "" && r.arn.region !== "*" && r.templates.every((t) => t.region === "")
        ? [hit(r, `The service ${r.arn.service} does not support specifying a Region in the resource ARN.`)]
        : [],
    ),
  { accessAnalyzer: "ARN Region not allowed" },
);

const accountNotAllowed = check(
  "arns",
  "ARN_ACCOUNT_NOT_ALLOWED",
  "ERROR",
  (ctx) =>
    typed(ctx).flatMap((r) =>
      r.arn.account !== "" && r.arn.account !== "*" && r.templates.every((t) => t.account === "")
        ? [hit(r, `The service ${r.arn.service} does not support specifying an account ID in the resource ARN.`)]
        : [],
    ),
  { accessAnalyzer: "ARN account not allowed" },
);

const missingRegion = check(
  "arns",
  "MISSING_ARN_REGION",
  "WARNING",
  (ctx) =>
    typed(ctx).flatMap((r) =>
      r.arn.region === "" && r.templates.every((t) => t.region !== "")
        ? [hit(r, `${r.arn.service} ARNs include a Region: with none this ARN matches no resource. Add a Region or *.`)]
        : [],
    ),
  { accessAnalyzer: "Missing ARN Region" },
);

const missingAccount = check(
  "arns",
  "MISSING_ARN_ACCOUNT",
  "WARNING",
  (ctx) =>
    typed(ctx).flatMap((r) =>
      r.arn.account === "" && r.templates.every((t) => t.account !== "")
        ? [hit(r, `${r.arn.service} ARNs include an account ID: with none this ARN matches no resource. Add one or *.`)]
        : [],
    ),
  { accessAnalyzer: "Missing ARN account" },
);

const invalidResource = check(
  "arns",
  "INVALID_ARN_RESOURCE",
  "WARNING",
  (ctx) =>
    typed(ctx).flatMap((r) => {
      if (r.templates.some((t) => arnFitsTemplate(r.value, t))) return [];
      const examples = [...new Set(r.templates.map((t) => t.resource))].slice(0, 3).join(", ");
      return [hit(r, `The ARN matches no ${r.arn.service} resource type (for example ${examples}).`)];
    }),
  { accessAnalyzer: "Invalid ARN resource" },
);

export const ARN_CHECKS = [
  invalidService,
  serviceCase,
  invalidAccount,
  invalidRegion,
  regionNotAllowed,
  accountNotAllowed,
  missingRegion,
  missingAccount,
  invalidResource,
];
