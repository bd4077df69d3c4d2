import { actionsOf, lookupAction, lookupService, services } from "../../catalogue";
import { retiredService } from "../../catalogue/retired-services";
import { matchesWildcard } from "../../wildcard";
import { hasWildcard } from "../context";
import { replaceString } from "../edits";
import type { Hit, LintContext, ValueRef } from "../types";
import { redundantValues } from "./shared";
import { check, nearest } from "./define";

/** Every Action and NotAction value of the policy that has the `service:action` shape. */
function actionValues(ctx: LintContext): (ValueRef & { service: string; name: string })[] {
  return ctx.statements.flatMap((s) =>
    [s.action, s.notAction].flatMap((e) =>
      (e?.values ?? []).flatMap((v) => {
        const colon = v.value.indexOf(":");
        if (colon <= 0 || v.value.indexOf(":", colon + 1) >= 0) return [];
        return [{ ...v, service: v.value.slice(0, colon), name: v.value.slice(colon + 1) }];
      }),
    ),
  );
}

const known = (service: string) => !hasWildcard(service) && lookupService(service) !== undefined;

const invalidService = check(
  "actions",
  "INVALID_SERVICE_IN_ACTION",
  "WARNING",
  (ctx) =>
    actionValues(ctx).flatMap((v): Hit[] => {
      if (hasWildcard(v.service) || known(v.service) || retiredService(v.value) || !/^[a-zA-Z0-9.-]+$/.test(v.service)) return [];
      const guess = nearest(
        v.service,
        services().map((s) => s.prefix),
      );
      return [
        {
          message: `The service ${v.service} in the action ${v.value} does not exist.${guess ? ` Did you mean ${guess}?` : ""}`,
          span: v.span,
          path: v.path,
          ...(guess ? { fix: replaceString(`Change to ${guess}:${v.name}`, v.span, `${guess}:${v.name}`) } : {}),
        },
      ];
    }),
  { accessAnalyzer: "Invalid service in action" },
);

const retired = check("actions", "RETIRED_SERVICE", "WARNING", (ctx) =>
  actionValues(ctx).flatMap((v) => {
    const r = retiredService(v.value);
    return r ? [{ message: `${r.name} (${r.prefix}) has ended: ${v.value} matches no action.`, span: v.span, path: v.path }] : [];
  }),
);

const invalidAction = check(
  "actions",
  "INVALID_ACTION",
  "WARNING",
  (ctx) =>
    actionValues(ctx).flatMap((v): Hit[] => {
      if (!known(v.service) || hasWildcard(v.name) || lookupAction(v.value)) return [];
      const prefix = lookupService(v.service)!.prefix;
      const guess = nearest(
        v.name,
        actionsOf(prefix).map((a) => a.name),
      );
      const suggestion = guess && `${prefix}:${guess}`;
      return [
        {
          message: `The action ${v.value} does not exist.${suggestion ? ` Did you mean ${suggestion}?` : ""}`,
          span: v.span,
          path: v.path,
          ...(suggestion ? { fix: replaceString(`Change to ${suggestion}`, v.span, suggestion) } : {}),
        },
      ];
    }),
  { accessAnalyzer: "Invalid action" },
);

const actionCase = check("actions", "ACTION_CASE", "SUGGESTION", (ctx) =>
  actionValues(ctx).flatMap((v): Hit[] => {
    const info = hasWildcard(v.value) ? undefined : lookupAction(v.value);
    if (!info || info.action === v.value) return [];
    return [
      {
        message: `Actions match in any case, but AWS writes this one ${info.action}.`,
        span: v.span,
        path: v.path,
        fix: replaceString(`Change to ${info.action}`, v.span, info.action),
      },
    ];
  }),
);

const wildcardNoMatch = check("actions", "WILDCARD_MATCHES_NO_ACTION", "WARNING", (ctx) =>
  actionValues(ctx).flatMap((v): Hit[] => {
    if (!hasWildcard(v.value) || !known(v.service) || actionsOf(v.service).some((a) => matchesWildcard(v.value, a.action))) return [];
    return [{ message: `${v.value} matches no ${lookupService(v.service)!.name} action.`, span: v.span, path: v.path }];
  }),
);

/** Whether action pattern `a` matches everything `b` does (b taken as written, wildcards as characters). */
const covers = (a: string, b: string) => a.toLowerCase() === b.toLowerCase() || ((a === "*" || a.includes(":")) && matchesWildcard(a, b));

const redundantAction = check(
  "actions",
  "REDUNDANT_ACTION",
  "SUGGESTION",
  (ctx) => ctx.statements.flatMap((s) => [s.action, s.notAction].flatMap((e) => redundantValues(e, covers))),
  { accessAnalyzer: "Redundant action" },
);

export const ACTION_CHECKS = [invalidService, retired, invalidAction, actionCase, wildcardNoMatch, redundantAction];
