import { lookupAction } from "../../catalogue";
import { hasWildcard } from "../context";
import type { Hit, ValueRef } from "../types";
import { check } from "./define";
import { actionsMatching, starResource } from "./shared";

const IDENTITY = ["identity"] as const;

const wildcardAdmin = check(
  "security",
  "WILDCARD_ADMIN",
  "SECURITY_WARNING",
  (ctx) =>
    ctx.statements.flatMap((s): Hit[] => {
      const all = s.action?.values.find((v) => v.value === "*" || v.value === "*:*");
      if (!s.allow || !all || !starResource(s) || s.condition) return [];
      return [
        {
          message: 'Action "*" on Resource "*" is full administrator access: grant only the actions this principal needs.',
          span: all.span,
          path: all.path,
        },
      ];
    }),
  { kinds: IDENTITY },
);

const passRoleStar = check(
  "security",
  "PASS_ROLE_WITH_STAR_IN_RESOURCE",
  "SECURITY_WARNING",
  (ctx) =>
    ctx.statements.flatMap((s) =>
      s.allow && starResource(s)
        ? actionsMatching(s, "iam:PassRole")
            .filter((v) => !hasWildcard(v.value))
            .map((v) => ({
              message:
                'iam:PassRole with "Resource": "*" lets the principal pass any role, and its permissions, to a service. Name the roles.',
              span: v.span,
              path: v.path,
            }))
        : [],
    ),
  { kinds: IDENTITY, accessAnalyzer: "Pass role with star in resource" },
);

const passRoleStarAction = check(
  "security",
  "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE",
  "SECURITY_WARNING",
  (ctx) =>
    ctx.statements.flatMap((s) =>
      s.allow && starResource(s)
        ? actionsMatching(s, "iam:PassRole")
            .filter((v) => hasWildcard(v.value))
            .map((v) => ({
              message: `${v.value} on "Resource": "*" includes iam:PassRole: the principal can pass any role to a service.`,
              span: v.span,
              path: v.path,
            }))
        : [],
    ),
  { kinds: IDENTITY, accessAnalyzer: "Pass role with star in action and resource" },
);

const passRoleNotResource = check(
  "security",
  "PASS_ROLE_WITH_NOT_RESOURCE",
  "SECURITY_WARNING",
  (ctx) =>
    ctx.statements.flatMap((s) =>
      s.allow && s.notResource
        ? actionsMatching(s, "iam:PassRole").map((v) => ({
            message: "iam:PassRole with NotResource lets the principal pass every role but the ones listed.",
            span: v.span,
            path: v.path,
          }))
        : [],
    ),
  { kinds: IDENTITY, accessAnalyzer: "Pass role with NotResource" },
);

const allowNotAction = check(
  "security",
  "ALLOW_WITH_NOT_ACTION",
  "SECURITY_WARNING",
  (ctx) =>
    ctx.statements.flatMap((s) =>
      s.allow && s.notAction
        ? [
            {
              message: "Allow with NotAction grants every other action, of every service, including ones AWS adds later.",
              span: s.notAction.member.keySpan,
              path: s.notAction.path,
            },
          ]
        : [],
    ),
  { learnMoreUrl: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html" },
);

const allowNotResource = check(
  "security",
  "ALLOW_WITH_NOT_RESOURCE",
  "SECURITY_WARNING",
  (ctx) =>
    ctx.statements.flatMap((s) =>
      s.allow && s.notResource
        ? [
            {
              message: "Allow with NotResource grants the actions on every other resource, including ones created later.",
              span: s.notResource.member.keySpan,
              path: s.notResource.path,
            },
          ]
        : [],
    ),
  { learnMoreUrl: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html" },
);

const createSlr = check(
  "security",
  "CREATE_SLR_WITH_STAR_IN_RESOURCE",
  "WARNING",
  (ctx) =>
    ctx.statements.flatMap((s) =>
      s.allow && starResource(s)
        ? actionsMatching(s, "iam:CreateServiceLinkedRole")
            .filter((v) => !hasWildcard(v.value))
            .map((v) => ({
              message:
                'iam:CreateServiceLinkedRole on "Resource": "*" creates service-linked roles for any service. Name the roles or add iam:AWSServiceName.',
              span: v.span,
              path: v.path,
            }))
        : [],
    ),
  { kinds: IDENTITY, accessAnalyzer: "Create SLR with star in resource" },
);

/** Actions that let a principal give itself more access (as Parliament and Rhino Security Labs list them). */
const ESCALATION = new Set(
  [
    "iam:CreatePolicyVersion",
    "iam:SetDefaultPolicyVersion",
    "iam:AttachUserPolicy",
    "iam:AttachGroupPolicy",
    "iam:AttachRolePolicy",
    "iam:PutUserPolicy",
    "iam:PutGroupPolicy",
    "iam:PutRolePolicy",
    "iam:AddUserToGroup",
    "iam:UpdateAssumeRolePolicy",
    "iam:CreateLoginProfile",
    "iam:UpdateLoginProfile",
    "iam:CreateAccessKey",
    "iam:PutUserPermissionsBoundary",
    "iam:DeleteUserPermissionsBoundary",
    "iam:PutRolePermissionsBoundary",
    "iam:DeleteRolePermissionsBoundary",
  ].map((a) => a.toLowerCase()),
);

const exactActions = (values: ValueRef[] | undefined) =>
  (values ?? []).flatMap((v) => {
    const info = hasWildcard(v.value) ? undefined : lookupAction(v.value);
    return info ? [{ ...v, info }] : [];
  });

const escalation = check(
  "security",
  "PRIVILEGE_ESCALATION",
  "SECURITY_WARNING",
  (ctx) =>
    ctx.statements.flatMap((s) =>
      s.allow && starResource(s) && s.action
        ? exactActions(s.action.values)
            .filter((v) => ESCALATION.has(v.info.action.toLowerCase()))
            .map((v) => ({
              message: `${v.info.action} on every resource lets the principal raise its own permissions. Limit it to named resources.`,
              span: v.span,
              path: v.path,
            }))
        : [],
    ),
  { kinds: IDENTITY },
);

const CREDENTIALS = new Set(
  [
    "iam:CreateServiceSpecificCredential",
    "iam:ResetServiceSpecificCredential",
    "iam:UpdateAccessKey",
    "ecr:GetAuthorizationToken",
    "redshift:GetClusterCredentials",
    "sts:GetFederationToken",
    "sts:GetSessionToken",
    "lightsail:GetInstanceAccessDetails",
    "lightsail:GetRelationalDatabaseMasterUserPassword",
    "codeartifact:GetAuthorizationToken",
    "sso:GetRoleCredentials",
    "cognito-identity:GetOpenIdToken",
    "gamelift:GetInstanceAccess",
    "rds-db:connect",
  ].map((a) => a.toLowerCase()),
);

const credentials = check(
  "security",
  "CREDENTIALS_EXPOSURE",
  "WARNING",
  (ctx) =>
    ctx.statements.flatMap((s) =>
      s.allow && starResource(s) && s.action
        ? s.action.values
            .filter((v) => CREDENTIALS.has(v.value.toLowerCase()))
            .map((v) => ({
              message: `${v.value} returns credentials or tokens: grant it only where it is needed.`,
              span: v.span,
              path: v.path,
            }))
        : [],
    ),
  { kinds: IDENTITY },
);

const permissionsManagement = check(
  "security",
  "PERMISSIONS_MANAGEMENT_ACTIONS",
  "WARNING",
  (ctx) =>
    ctx.statements.flatMap((s) =>
      s.allow && starResource(s) && s.action
        ? s.action.values.flatMap((v) => {
            const info = hasWildcard(v.value) ? undefined : lookupAction(v.value);
            if (!info || info.accessLevel !== "Permissions management" || ESCALATION.has(info.action.toLowerCase())) return [];
            return [
              {
                message: `${info.action} manages permissions: on "Resource": "*" it applies to every resource of the account.`,
                span: v.span,
                path: v.path,
              },
            ];
          })
        : [],
    ),
  { kinds: IDENTITY },
);

export const SECURITY_CHECKS = [
  wildcardAdmin,
  passRoleStar,
  passRoleStarAction,
  passRoleNotResource,
  allowNotAction,
  allowNotResource,
  createSlr,
  escalation,
  credentials,
  permissionsManagement,
];
