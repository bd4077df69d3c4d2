import { parseArn } from "./arn";
import { parsePolicy } from "./parse";
import type { ConditionBlock, Principal, Statement } from "./types";

/** One statement of a trust policy in words: who, may (or may not) do what, under which conditions. */
export type TrustStatementSummary = { effect: "Allow" | "Deny"; who: string[]; actions: string[]; conditions: string[]; text: string };

const ACCOUNT = /^\d{12}$/;

const ACTIONS: Record<string, string> = {
  "sts:assumerole": "assume the role",
  "sts:assumerolewithsaml": "assume the role with SAML",
  "sts:assumerolewithwebidentity": "assume the role with a web identity",
  "sts:tagsession": "pass session tags",
  "sts:setsourceidentity": "set a source identity",
  "sts:setcontext": "set a context",
  "sts:*": "assume the role in every way",
  "*": "assume the role in every way",
};

const list = (items: string[], joiner = "or") =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${joiner} ${items[items.length - 1]}`;

const ofAccount = (account: string, thisAccountId: string | undefined) =>
  account === thisAccountId ? "this account" : `account ${account}`;

const lastSegment = (path: string) => path.split("/").pop() ?? path;

/** `AWS` principals: same-account users and roles need only the trust policy; others also their own policy's allow. */
function awsPrincipal(value: string, thisAccountId: string | undefined, action: string): string {
  const allow = `whose own policies allow ${action}`;
  if (value === "*") return "any AWS principal, in any account";
  if (ACCOUNT.test(value)) return `IAM users and roles of ${ofAccount(value, thisAccountId)} ${allow}`;
  const arn = parseArn(value);
  if (!arn) return `the principal with unique ID ${value} (deleted, or not yet known to IAM)`;
  const where = ofAccount(arn.account, thisAccountId);
  const own = arn.account === thisAccountId ? "" : ` (whose own policies must also allow ${action})`;
  if (arn.service === "iam" && arn.resource === "root") return `IAM users and roles of ${where} ${allow}`;
  if (arn.service === "iam" && arn.resource.startsWith("user/")) return `user ${lastSegment(arn.resource)} of ${where}${own}`;
  if (arn.service === "iam" && arn.resource.startsWith("role/")) return `sessions of role ${lastSegment(arn.resource)} of ${where}${own}`;
  if (arn.service === "sts" && arn.resource.startsWith("assumed-role/")) {
    const [, role, session] = arn.resource.split("/");
    return `session ${session} of role ${role} of ${where}${own}`;
  }
  if (arn.service === "sts" && arn.resource.startsWith("federated-user/"))
    return `federated user ${lastSegment(arn.resource)} of ${where}${own}`;
  return value;
}

function federatedPrincipal(value: string): string {
  const arn = parseArn(value);
  if (arn?.resource.startsWith("saml-provider/")) return `users signed in through SAML provider ${lastSegment(arn.resource)}`;
  if (arn?.resource.startsWith("oidc-provider/")) return `users signed in through ${arn.resource.slice("oidc-provider/".length)}`;
  return `users signed in through ${value}`;
}

function principals(p: Principal | undefined, thisAccountId: string | undefined, action: string): string[] {
  if (p === undefined) return [];
  if (p === "*") return ["anyone (any AWS principal, in any account)"];
  return Object.entries(p).flatMap(([type, values]) =>
    values.map((v) => {
      if (type === "AWS") return awsPrincipal(v, thisAccountId, action);
      if (type === "Service") return `the service ${v}`;
      if (type === "Federated") return federatedPrincipal(v);
      if (type === "CanonicalUser") return `the canonical user ${v}`;
      return `${type} ${v}`;
    }),
  );
}

const KNOWN_CONDITIONS: Partial<Record<string, (values: string[]) => string>> = {
  "sts:externalid": (v) => `with external ID ${list(v)}`,
  "aws:multifactorauthpresent": (v) => (v.includes("true") ? "signed in with MFA" : "without MFA"),
  "aws:principalorgid": (v) => `in organization ${list(v)}`,
  "aws:sourceaccount": (v) => `on behalf of account ${list(v)}`,
  "aws:sourcearn": (v) => `on behalf of ${list(v)}`,
  "sts:sourceidentity": (v) => `with source identity ${list(v)}`,
  "sts:rolesessionname": (v) => `with session name ${list(v)}`,
};

function conditions(block: ConditionBlock | undefined): string[] {
  if (!block) return [];
  return Object.entries(block).flatMap(([op, keys]) =>
    Object.entries(keys).map(([key, values]) => {
      const known = KNOWN_CONDITIONS[key.toLowerCase()];
      const plainOperator = /^(String|Bool|ArnEquals|ArnLike)/.test(op.replace(/^For(Any|All)Value:/, "")) && !op.includes("Not");
      return known && plainOperator ? known(values) : `if ${key} ${op} ${list(values)}`;
    }),
  );
}

function actions(s: Statement): string[] {
  if (s.NotAction) return [`do anything but ${list(s.NotAction)}`];
  return (s.Action ?? []).map((a) => ACTIONS[a.toLowerCase()] ?? a);
}

function summarize(s: Statement, thisAccountId: string | undefined): TrustStatementSummary {
  const effect = s.Effect === "Deny" ? "Deny" : "Allow";
  const assume = (s.Action ?? []).find((a) => a.toLowerCase().startsWith("sts:assumerole")) ?? "sts:AssumeRole";
  const who = s.NotPrincipal
    ? [`everyone except ${list(principals(s.NotPrincipal, thisAccountId, assume), "and")}`]
    : principals(s.Principal, thisAccountId, assume);
  const what = actions(s);
  const when = conditions(s.Condition);
  const text = `${list(who, "and") || "No one"} ${effect === "Allow" ? "can" : "cannot"} ${list(what, "and") || "do nothing"}${
    when.length ? `, ${list(when, "and")}` : ""
  }.`;
  return { effect, who, actions: what, conditions: when, text: text.charAt(0).toUpperCase() + text.slice(1) };
}

/**
 * Who can assume a role, in words, one entry per statement of its trust policy (parsed with lib/policy's parser);
 * `thisAccountId` is the role's account. Undefined when the text is not a policy.
 */
export function summarizeTrustPolicy(text: string, thisAccountId?: string): TrustStatementSummary[] | undefined {
  const policy = parsePolicy(text);
  return policy?.Statement.map((s) => summarize(s, thisAccountId));
}
