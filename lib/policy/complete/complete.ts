import { actionsOf, expandActions, lookupConditionKey, services } from "../catalogue";
import type { PolicyKind, Span } from "../types";
import { policyContext, replaceSpan, type PolicyContext, type Statement } from "./context";
import { arnTemplates, conditionKeysForStatement, snippetOf } from "./statement";
import {
  FEDERATED_PRINCIPALS,
  KEY_DOCS,
  KEY_SNIPPETS,
  OPERATORS,
  POLICY_VERSIONS,
  PRINCIPAL_TYPES,
  SERVICE_PRINCIPALS,
  TRUST_ACTIONS,
} from "./vocabulary";

export type CompletionKind =
  "property" | "value" | "service" | "action" | "wildcard" | "operator" | "conditionKey" | "resource" | "principal";

/** `insertText` is Monaco snippet syntax when `snippet`; `retrigger` asks for completion again after inserting (a service prefix). */
export type PolicyCompletionItem = {
  label: string;
  kind: CompletionKind;
  insertText: string;
  detail?: string;
  documentation?: string;
  snippet?: boolean;
  sortText?: string;
  retrigger?: boolean;
};

export type PolicyCompletions = { span: Span; items: PolicyCompletionItem[] };
export type CompleteOptions = { accountId?: string; region?: string };

type Item = Omit<PolicyCompletionItem, "insertText"> & { insertText?: string };

const ROOT_KEYS = ["Version", "Id", "Statement"];
const STATEMENT_KEYS = ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"];
/** Identity policies and SCPs name no principal (IAM rejects Principal there). */
const HAS_PRINCIPAL: Record<PolicyKind, boolean> = { identity: false, scp: false, trust: true, resource: true, rcp: true };
const LIST_LIMIT = 2000;

const escapeSnippet = (s: string) => s.replace(/[\\$}]/g, "\\$&");

/** Inside a string an item inserts its text; elsewhere, a quoted string (or a key with its value's template). */
function finish(items: Item[], ctx: PolicyContext, isKey: boolean): PolicyCompletionItem[] {
  return items.map((item) => {
    const text = item.insertText ?? item.label;
    if (ctx.string) return { ...item, insertText: text };
    if (isKey && KEY_SNIPPETS[item.label]) {
      const retrigger = ["Action", "Condition", "Principal"].includes(item.label) || item.retrigger;
      return { ...item, insertText: KEY_SNIPPETS[item.label], snippet: true, retrigger };
    }
    const body = item.snippet ? text : escapeSnippet(text);
    return { ...item, insertText: isKey ? `"${body}": $0` : `"${body}"`, snippet: true };
  });
}

const keyItems = (keys: string[], siblings: string[]): Item[] =>
  keys
    .filter((k) => !siblings.includes(k))
    .map((k, i) => ({ label: k, kind: "property", documentation: KEY_DOCS[k], sortText: String(i).padStart(2, "0") }));

const wildcardsByService = new Map<string, Item[]>();

/** "s3" → the verbs its actions start with that match more than one action: s3:Get*, s3:List*... (counted once per service). */
function wildcardItems(prefix: string, names: readonly string[]): Item[] {
  const known = wildcardsByService.get(prefix);
  if (known) return known;
  const verbs = new Set(names.map((n) => /^[A-Za-z][a-z0-9]*/.exec(n)?.[0]).filter((v): v is string => !!v));
  const items: Item[] = [];
  const all = expandActions(`${prefix}:*`).length;
  items.push({ label: `${prefix}:*`, kind: "wildcard", detail: `All ${all} actions`, sortText: `0${prefix}:*` });
  for (const verb of verbs) {
    const count = expandActions(`${prefix}:${verb}*`).length;
    if (count > 1) items.push({ label: `${prefix}:${verb}*`, kind: "wildcard", detail: `${count} actions`, sortText: `2${verb}` });
  }
  wildcardsByService.set(prefix, items);
  return items;
}

function actionItems(typed: string, kind: PolicyKind): Item[] {
  const colon = typed.indexOf(":");
  if (colon < 0) {
    const trust = kind === "trust" ? TRUST_ACTIONS.map((a, i): Item => ({ label: a, kind: "action", sortText: `0${i}` })) : [];
    const all: Item = { label: "*", kind: "wildcard", detail: "Every action", sortText: "1" };
    const prefixes = services().map((s): Item => ({
      label: `${s.prefix}:`,
      kind: "service",
      detail: s.name,
      sortText: `2${s.prefix}`,
      retrigger: true,
    }));
    return [...trust, all, ...prefixes];
  }
  const prefix = typed.slice(0, colon);
  const actions = actionsOf(prefix);
  if (!actions.length) return [];
  const service = actions[0].service;
  return [
    ...actions.map((a): Item => ({
      label: a.action,
      kind: "action",
      detail: a.accessLevel,
      documentation: a.resourceTypes.length ? `Resource types: ${a.resourceTypes.map((r) => r.name).join(", ")}` : undefined,
      sortText: `1${a.name}`,
    })),
    ...wildcardItems(
      service,
      actions.map((a) => a.name),
    ),
  ];
}

function conditionKeyItems(statement: Statement): Item[] {
  return conditionKeysForStatement(statement).map((k) => {
    const snippet = snippetOf(k.name);
    return {
      label: k.name,
      kind: "conditionKey",
      detail: k.type,
      documentation: k.global ? "Global condition key" : "Condition key of the statement's actions",
      sortText: `${k.global ? 1 : 0}${k.name}`,
      ...(snippet !== escapeSnippet(k.name) && { insertText: snippet, snippet: true }),
    };
  });
}

function conditionValueItems(operator: string, key: string): Item[] {
  const base = operator.replace(/^For(All|Any)Values?:/, "").replace(/IfExists$/, "");
  const type = lookupConditionKey(key)?.type;
  if (base === "Null" || base === "Bool" || type === "Bool") return ["true", "false"].map((v) => ({ label: v, kind: "value" }));
  return [];
}

function principalItems(type: string | undefined, options: CompleteOptions): Item[] {
  const account = options.accountId;
  const accountSnippet = account ?? "${1:123456789012}";
  const arn = (rest: string, detail: string): Item => ({
    label: `arn:aws:iam::${account ?? "ACCOUNT"}:${rest.replace(/\$\{\d+:([^}]*)\}/g, "$1")}`,
    kind: "principal",
    detail,
    insertText: `arn:aws:iam::${accountSnippet}:${rest}`,
    snippet: true,
  });
  if (type === undefined) return [{ label: "*", kind: "principal", detail: "Everyone (anonymous access)" }];
  if (type === "Service") return SERVICE_PRINCIPALS.map((p) => ({ label: p, kind: "principal", detail: "Service principal" }));
  if (type === "Federated") {
    return [
      ...FEDERATED_PRINCIPALS.map((p): Item => ({ label: p, kind: "principal", detail: "Web identity provider" })),
      arn("saml-provider/${2:ProviderName}", "SAML provider"),
      arn("oidc-provider/${2:token.actions.githubusercontent.com}", "OIDC provider"),
    ];
  }
  if (type === "AWS") {
    return [
      arn("root", "An account (its IAM users and roles, as the account's policies allow)"),
      arn("role/${2:RoleName}", "A role"),
      arn("user/${2:UserName}", "A user"),
      { label: "*", kind: "principal", detail: "Every AWS principal" },
    ];
  }
  return [];
}

function itemsFor(ctx: PolicyContext, kind: PolicyKind, options: CompleteOptions): Item[] {
  const typed = ctx.string?.value ?? "";
  switch (ctx.where) {
    case "root-key":
      return keyItems(ROOT_KEYS, ctx.siblings);
    case "root-value":
      return ctx.key === "Version" ? POLICY_VERSIONS.map((v) => ({ ...v, kind: "value" })) : [];
    case "statement-key":
      return keyItems(
        STATEMENT_KEYS.filter((k) => HAS_PRINCIPAL[kind] || !k.endsWith("Principal")),
        ctx.siblings,
      );
    case "statement-value":
      if (ctx.key === "Effect") return ["Allow", "Deny"].map((v) => ({ label: v, kind: "value" }));
      if (ctx.key === "Action" || ctx.key === "NotAction") return actionItems(typed, kind);
      if (ctx.key === "Resource" || ctx.key === "NotResource") return arnTemplates(ctx.statement, options);
      return [];
    case "condition-operator":
      return OPERATORS.map((o) => ({ label: o.name, kind: "operator", documentation: o.meaning, sortText: `${o.order}${o.name}` }));
    case "condition-key":
      return conditionKeyItems(ctx.statement);
    case "condition-value":
      return conditionValueItems(ctx.operator, ctx.key);
    case "principal-type":
      return PRINCIPAL_TYPES.map((t) => ({ label: t, kind: "property" }));
    case "principal-value":
      return principalItems(ctx.type, options);
  }
}

/**
 * Completion at `offset` in a policy being typed: the items for where the cursor is (a key, Effect, an action,
 * a condition operator or key, an ARN template, a principal) and the span they replace. Empty where nothing fits.
 */
export function completePolicy(text: string, offset: number, kind: PolicyKind, options: CompleteOptions = {}): PolicyCompletions {
  const ctx = policyContext(text, offset);
  const span = replaceSpan(text, offset, ctx?.string);
  if (!ctx) return { span, items: [] };
  const isKey = ctx.where.endsWith("-key") || ctx.where === "condition-operator" || ctx.where === "principal-type";
  return { span, items: finish(itemsFor(ctx, kind, options).slice(0, LIST_LIMIT), ctx, isKey) };
}
