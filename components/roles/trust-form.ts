import type { z } from "zod";
import { accountIdSchema, audienceSchema, externalIdSchema, samlProviderArnSchema } from "@/lib/schemas/roles";
import { SAML_CONSOLE_AUDIENCE, findUseCase, webIdentityProvider } from "./trust-catalogue";

export type TrustedEntityType = "service" | "account" | "web-identity" | "saml" | "custom";

/** Step 1 of "Create role": every tile's fields are kept, so switching tiles does not lose what was typed. */
export type TrustForm = {
  type: TrustedEntityType;
  service: string;
  useCase: string;
  account: "this" | "other";
  accountId: string;
  requireExternalId: boolean;
  externalId: string;
  requireMfa: boolean;
  webProvider: string;
  audience: string;
  samlProviderArn: string;
  samlAccess: "console" | "programmatic";
  samlAttribute: string;
  samlValue: string;
  customPolicy: string;
};

export const CUSTOM_TRUST_TEMPLATE = JSON.stringify(
  { Version: "2012-10-17", Statement: [{ Sid: "Statement1", Effect: "Allow", Principal: {}, Action: "sts:AssumeRole" }] },
  null,
  4,
);

export const initialTrustForm: TrustForm = {
  type: "service",
  service: "ec2",
  useCase: "ec2",
  account: "this",
  accountId: "",
  requireExternalId: false,
  externalId: "",
  requireMfa: false,
  webProvider: "cognito",
  audience: "",
  samlProviderArn: "",
  samlAccess: "console",
  samlAttribute: "SAML:aud",
  samlValue: "",
  customPolicy: CUSTOM_TRUST_TEMPLATE,
};

type Statement = {
  Effect: "Allow";
  Action: string[];
  Principal: Record<string, string[]>;
  Condition?: Record<string, Record<string, string[]>>;
};

function statementFor(f: TrustForm, thisAccountId: string): Statement {
  if (f.type === "service") {
    const useCase = findUseCase(f.service, f.useCase);
    return { Effect: "Allow", Action: ["sts:AssumeRole"], Principal: { Service: [useCase?.principal ?? ""] } };
  }
  if (f.type === "account") {
    const id = f.account === "this" ? thisAccountId : f.accountId;
    const condition: Record<string, Record<string, string[]>> = {};
    if (f.requireExternalId) condition.StringEquals = { "sts:ExternalId": [f.externalId] };
    if (f.requireMfa) condition.Bool = { "aws:MultiFactorAuthPresent": ["true"] };
    return {
      Effect: "Allow",
      Action: ["sts:AssumeRole"],
      Principal: { AWS: [`arn:aws:iam::${id}:root`] },
      ...(f.requireMfa || f.requireExternalId ? { Condition: condition } : {}),
    };
  }
  if (f.type === "web-identity") {
    const p = webIdentityProvider(f.webProvider);
    return {
      Effect: "Allow",
      Action: ["sts:AssumeRoleWithWebIdentity"],
      Principal: { Federated: [p.principal] },
      Condition: { StringEquals: { [p.audienceKey]: [f.audience] } },
    };
  }
  const [key, value] = f.samlAccess === "console" ? ["SAML:aud", SAML_CONSOLE_AUDIENCE] : [f.samlAttribute, f.samlValue];
  return {
    Effect: "Allow",
    Action: ["sts:AssumeRoleWithSAML"],
    Principal: { Federated: [f.samlProviderArn] },
    Condition: { StringEquals: { [key]: [value] } },
  };
}

/** Single values are written as strings, as the AWS console's generated trust policies are. */
const compact = (s: Statement) => ({
  Effect: s.Effect,
  Action: s.Action.length === 1 ? s.Action[0] : s.Action,
  Principal: Object.fromEntries(Object.entries(s.Principal).map(([k, v]) => [k, v.length === 1 ? v[0] : v])),
  ...(s.Condition
    ? {
        Condition: Object.fromEntries(
          Object.entries(s.Condition).map(([op, kv]) => [
            op,
            Object.fromEntries(Object.entries(kv).map(([k, v]) => [k, v.length === 1 ? v[0] : v])),
          ]),
        ),
      }
    : {}),
});

/** "Assign role" from a provider's page: the wizard opens on that provider's tile with it chosen. */
export function trustFormForProvider(arn: string | undefined): TrustForm {
  if (arn?.includes(":saml-provider/")) return { ...initialTrustForm, type: "saml", samlProviderArn: arn };
  if (arn?.includes(":oidc-provider/")) return { ...initialTrustForm, type: "web-identity", webProvider: arn };
  return initialTrustForm;
}

/** The trust policy the chosen tile generates (or the custom one as typed), as CreateRole receives it. */
export function buildTrustPolicy(f: TrustForm, thisAccountId: string): string {
  if (f.type === "custom") return f.customPolicy;
  return JSON.stringify({ Version: "2012-10-17", Statement: [compact(statementFor(f, thisAccountId))] }, null, 4);
}

const check = (schema: z.ZodType, value: string) => {
  const r = schema.safeParse(value);
  return r.success ? undefined : r.error.issues[0]?.message;
};

/** Field errors for step 1, by field name, from the same schemas the route handlers use. */
export function trustFormErrors(f: TrustForm): Partial<Record<keyof TrustForm, string>> {
  const e: Partial<Record<keyof TrustForm, string>> = {};
  if (f.type === "service" && !findUseCase(f.service, f.useCase)) e.useCase = "Choose a use case.";
  if (f.type === "account") {
    if (f.account === "other") e.accountId = check(accountIdSchema, f.accountId);
    if (f.requireExternalId) e.externalId = check(externalIdSchema, f.externalId);
  }
  if (f.type === "web-identity") e.audience = check(audienceSchema, f.audience);
  if (f.type === "saml") {
    e.samlProviderArn = check(samlProviderArnSchema, f.samlProviderArn);
    if (f.samlAccess === "programmatic") e.samlValue = f.samlValue ? undefined : "Enter a value.";
  }
  if (f.type === "custom" && !f.customPolicy.trim()) e.customPolicy = "Enter a trust policy.";
  return Object.fromEntries(Object.entries(e).filter(([, v]) => v)) as Partial<Record<keyof TrustForm, string>>;
}
