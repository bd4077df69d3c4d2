import type { Ctx } from "../context";
import { on } from "./checks";
import * as t from "./targets";
import type { ActionRule } from "./actions";

/** The user, group, role or managed policy a report is about, as the simulator's source ARN is shown: by its ARN. */
const reportTarget = (ctx: Ctx, arn: string | undefined): t.Target =>
  /:policy\//.test(arn ?? "") ? t.policy(ctx, arn!) : t.policySource(ctx, arn ?? `arn:aws:iam::${ctx.accountId}:user/`);

/** access-report/<entity path>, the Service Authorization Reference's resource for Organizations access reports. */
const accessReport = (ctx: Ctx, path: string | undefined): t.Target => {
  const arn = `arn:aws:iam::${ctx.accountId}:access-report/${path ?? ""}`;
  return { arn, display: arn };
};

export const lastAccessedRules: Record<string, ActionRule> = {
  GenerateServiceLastAccessedDetails: (i, ctx) => [on("GenerateServiceLastAccessedDetails", reportTarget(ctx, i.Arn))],
  GetServiceLastAccessedDetails: () => [on("GetServiceLastAccessedDetails", t.account)],
  GetServiceLastAccessedDetailsWithEntities: () => [on("GetServiceLastAccessedDetailsWithEntities", t.account)],
  ListPoliciesGrantingServiceAccess: (i, ctx) => [on("ListPoliciesGrantingServiceAccess", reportTarget(ctx, i.Arn))],
  GenerateOrganizationsAccessReport: (i, ctx) => [
    on("GenerateOrganizationsAccessReport", accessReport(ctx, i.EntityPath), {
      ...(i.OrganizationsPolicyId ? { "iam:OrganizationsPolicyId": i.OrganizationsPolicyId } : {}),
    }),
  ],
  GetOrganizationsAccessReport: () => [on("GetOrganizationsAccessReport", t.account)],
};
