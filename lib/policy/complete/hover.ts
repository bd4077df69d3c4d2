import { expandActions, lookupAction, lookupConditionKey, lookupService } from "../catalogue";
import type { Span } from "../types";
import { policyContext } from "./context";
import { OPERATORS } from "./vocabulary";

/** `action` is the one action hovered (canonical name), whose description the caller may add. */
export type PolicyHover = { span: Span; markdown: string; action?: string };

const WILDCARD_SHOWN = 20;

/** The Service Authorization Reference's page for a service: its name, lower-cased, letters and digits only. */
export function referenceUrl(serviceName: string): string {
  return `https://docs.aws.amazon.com/service-authorization/latest/reference/list_${serviceName.toLowerCase().replace(/[^a-z0-9]/g, "")}.html`;
}

function actionHover(value: string): string | undefined {
  if (/[*?]/.test(value)) {
    const names = expandActions(value);
    const shown = names.slice(0, WILDCARD_SHOWN).map((n) => `- ${n}`);
    const more = names.length > WILDCARD_SHOWN ? [`- … and ${names.length - WILDCARD_SHOWN} more`] : [];
    const count = names.length === 1 ? "1 action" : `${names.length} actions`;
    return [`\`${value}\` matches ${count}`, ...(names.length ? ["", ...shown, ...more] : [])].join("\n");
  }
  const action = lookupAction(value);
  if (!action) return undefined;
  const service = lookupService(action.service)!;
  const types = action.resourceTypes.map((r) => `- ${r.name}${r.required ? "*" : ""}: \`${r.arnPattern}\``);
  const keys = [...new Set([...action.conditionKeys, ...action.resourceTypes.flatMap((r) => r.conditionKeys)])];
  return [
    `**${action.action}** — ${service.name}`,
    "",
    `Access level: ${action.accessLevel}`,
    "",
    types.length ? `Resource types (* required):\n${types.join("\n")}` : 'Resource types: none (use "*")',
    "",
    `Condition keys: ${keys.length ? keys.map((k) => `\`${k}\``).join(", ") : "none beyond the global keys"}`,
    "",
    `[Service Authorization Reference: ${service.name}](${referenceUrl(service.name)})`,
  ].join("\n");
}

function conditionKeyHover(key: string): string | undefined {
  const info = lookupConditionKey(key);
  if (!info) return undefined;
  return `**${info.name}** — ${info.type}${info.global ? "\n\nGlobal condition key" : ""}`;
}

function operatorHover(name: string): string | undefined {
  const op = OPERATORS.find((o) => o.name === name);
  return op && `**${op.name}**\n\n${op.meaning}`;
}

/** What to show over the string at `offset`: an action, a wildcard's expansion, a condition operator or key. */
export function hoverPolicy(text: string, offset: number): PolicyHover | undefined {
  const ctx = policyContext(text, offset);
  if (!ctx?.string) return undefined;
  const { value, span } = ctx.string;
  let markdown: string | undefined;
  if (ctx.where === "statement-value" && (ctx.key === "Action" || ctx.key === "NotAction")) {
    markdown = actionHover(value);
    const action = /[*?]/.test(value) ? undefined : lookupAction(value)?.action;
    if (markdown !== undefined && action) return { span, markdown, action };
  } else if (ctx.where === "condition-operator") markdown = operatorHover(value);
  else if (ctx.where === "condition-key") markdown = conditionKeyHover(value);
  return markdown === undefined ? undefined : { span, markdown };
}
