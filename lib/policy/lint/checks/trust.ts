import { parseArn } from "../../arn";
import type { Hit, StatementRef } from "../types";
import { check } from "./define";
import { actionsMatching, conditionKeys, principalValues } from "./shared";

const RESOURCE_POLICIES = ["trust", "resource"] as const;

/** Condition keys that tie a request to accounts, an organization or named principals. */
const LIMITING_KEYS = [
  "aws:principalaccount",
  "aws:principalorgid",
  "aws:principalorgpaths",
  "aws:principalarn",
  "aws:sourceaccount",
  "aws:sourcearn",
  "aws:sourceorgid",
  "aws:sourceorgpaths",
  "aws:userid",
  "aws:username",
  "aws:sourceowner",
];

const anyPrincipal = (s: StatementRef) => principalValues(s, "AWS").filter((p) => p.value === "*");
const limited = (s: StatementRef) => [...conditionKeys(s)].some((k) => LIMITING_KEYS.includes(k));

const openToAll = check(
  "trust",
  "TRUST_ANY_PRINCIPAL",
  "SECURITY_WARNING",
  (ctx) =>
    ctx.statements.flatMap((s) =>
      s.allow && !s.condition
        ? anyPrincipal(s).map((p) => ({
            message: "Any AWS principal, in any account, can use this statement: name the accounts or principals.",
            span: p.span,
            path: p.path,
          }))
        : [],
    ),
  { kinds: RESOURCE_POLICIES },
);

const openToAnyAccount = check(
  "trust",
  "TRUST_ANY_ACCOUNT",
  "SECURITY_WARNING",
  (ctx) =>
    ctx.statements.flatMap((s) =>
      s.allow && s.condition && !limited(s)
        ? anyPrincipal(s).map((p) => ({
            message: 'Principal "*" with conditions that name no account, organization or principal ARN is open to every AWS account.',
            span: p.span,
            path: p.path,
          }))
        : [],
    ),
  { kinds: RESOURCE_POLICIES },
);

const accountOf = (principal: string) => (/^\d{12}$/.test(principal) ? principal : parseArn(principal)?.account);

const externalId = check(
  "trust",
  "MISSING_EXTERNAL_ID",
  "WARNING",
  (ctx) =>
    ctx.statements.flatMap((s): Hit[] => {
      const keys = conditionKeys(s);
      if (!s.allow || !actionsMatching(s, "sts:AssumeRole").length || keys.has("sts:externalid") || keys.has("aws:principalorgid"))
        return [];
      return principalValues(s, "AWS").flatMap((p) => {
        const account = accountOf(p.value);
        if (!account || !/^\d{12}$/.test(account) || account === ctx.options.accountId) return [];
        return [
          {
            message: `If ${account} is a third party's account, require the external ID it was given: add a condition on sts:ExternalId.`,
            span: p.span,
            path: p.path,
          },
        ];
      });
    }),
  { kinds: ["trust"], learnMoreUrl: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html" },
);

const GITHUB = "token.actions.githubusercontent.com";

/** The OIDC issuer a Federated principal names: a provider ARN's host and path, or a web identity provider. */
function oidcIssuer(value: string): string | undefined {
  const m = /^arn:[^:]+:iam::\d{12}:oidc-provider\/(.+)$/.exec(value);
  if (m) return m[1];
  return ["accounts.google.com", "graph.facebook.com", "www.amazon.com", "cognito-identity.amazonaws.com"].includes(value)
    ? value
    : undefined;
}

const oidcCondition = check(
  "trust",
  "MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL",
  "SECURITY_WARNING",
  (ctx) =>
    ctx.statements.flatMap((s) => {
      if (!s.allow) return [];
      const keys = [...conditionKeys(s)];
      return principalValues(s, "Federated").flatMap((p) => {
        const issuer = oidcIssuer(p.value);
        if (!issuer || issuer === GITHUB || keys.some((k) => k.startsWith(`${issuer.toLowerCase()}:`))) return [];
        return [
          {
            message: `Every identity ${issuer} issues tokens to can assume this role: add a condition on ${issuer}:aud or :sub.`,
            span: p.span,
            path: p.path,
          },
        ];
      });
    }),
  { kinds: ["trust"], accessAnalyzer: "Missing condition key for OIDC principal" },
);

const githubRepo = check(
  "trust",
  "MISSING_GITHUB_REPO_CONDITION_KEY",
  "SECURITY_WARNING",
  (ctx) =>
    ctx.statements.flatMap((s) =>
      s.allow && !conditionKeys(s).has(`${GITHUB}:sub`)
        ? principalValues(s, "Federated")
            .filter((p) => oidcIssuer(p.value) === GITHUB)
            .map((p) => ({
              message: `Any GitHub repository can assume this role: add a condition on ${GITHUB}:sub naming yours.`,
              span: p.span,
              path: p.path,
            }))
        : [],
    ),
  { kinds: ["trust"], accessAnalyzer: "Missing GitHub repo condition key" },
);

const actionForPrincipal = check(
  "trust",
  "TRUST_ACTION_PRINCIPAL_MISMATCH",
  "WARNING",
  (ctx) =>
    ctx.statements.flatMap((s): Hit[] => {
      if (!s.action || s.action.values.some((v) => v.value.includes("*"))) return [];
      const federated = principalValues(s, "Federated");
      const actions = new Set(s.action.values.map((v) => v.value.toLowerCase()));
      const saml = federated.some((p) => p.value.includes(":saml-provider/"));
      const web = federated.some((p) => !p.value.includes(":saml-provider/"));
      const hit = (needed: string): Hit[] =>
        actions.has(needed.toLowerCase())
          ? []
          : [
              {
                message: `This principal assumes the role with ${needed}: add it to Action.`,
                span: s.action!.member.keySpan,
                path: s.action!.path,
              },
            ];
      if (saml) return hit("sts:AssumeRoleWithSAML");
      if (web) return hit("sts:AssumeRoleWithWebIdentity");
      if ((principalValues(s, "AWS").length || principalValues(s, "Service").length) && !actions.has("sts:assumerole")) {
        return actions.has("sts:assumerolewithsaml") || actions.has("sts:assumerolewithwebidentity") ? hit("sts:AssumeRole") : [];
      }
      return [];
    }),
  { kinds: ["trust"] },
);

export const TRUST_CHECKS = [openToAll, openToAnyAccount, externalId, oidcCondition, githubRepo, actionForPrincipal];
