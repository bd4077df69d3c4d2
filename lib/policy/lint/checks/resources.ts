import { lookupAction, type ActionInfo } from "../../catalogue";
import { matchesWildcard } from "../../wildcard";
import { arnFitsTemplate, templatesFor, type ArnTemplate } from "../arn-patterns";
import { hasWildcard } from "../context";
import type { Hit, LintContext, StatementRef } from "../types";
import { redundantValues } from "./shared";
import { check } from "./define";

const templateCache = new Map<string, ArnTemplate | undefined>();

/** The compiled template of an action's resource type, found by its ARN pattern. */
function template(arnPattern: string): ArnTemplate | undefined {
  if (!templateCache.has(arnPattern)) {
    const service = arnPattern.split(":")[2] ?? "";
    templateCache.set(
      arnPattern,
      templatesFor(service)?.find((t) => t.pattern === arnPattern),
    );
  }
  return templateCache.get(arnPattern);
}

const supports = (action: ActionInfo, arn: string) =>
  action.resourceTypes.some((rt) => {
    const t = template(rt.arnPattern);
    return t !== undefined && arnFitsTemplate(arn, t);
  });

/** A statement's named resources (no "*"), all ARNs, and its actions as the catalogue knows them. */
function specific(ctx: LintContext, s: StatementRef) {
  const resources = s.resource?.values ?? [];
  if (!resources.length || resources.some((r) => r.value === "*" || !r.value.startsWith("arn:"))) return undefined;
  const names = ctx.actionsOf(s);
  if (!names?.length) return undefined;
  const actions = names.flatMap((n) => lookupAction(n) ?? []);
  return { resources, actions };
}

const resourceMismatch = check("resources", "RESOURCE_MISMATCH", "WARNING", (ctx) =>
  ctx.statements.flatMap((s): Hit[] => {
    const found = specific(ctx, s);
    if (!found) return [];
    return found.resources.flatMap((r) =>
      found.actions.some((a) => supports(a, r.value))
        ? []
        : [
            {
              message: `None of the statement's actions applies to ${r.value}: it matches no resource type they support.`,
              span: r.span,
              path: r.path,
            },
          ],
    );
  }),
);

const actionMismatch = check("resources", "ACTION_RESOURCE_MISMATCH", "WARNING", (ctx) =>
  ctx.statements.flatMap((s): Hit[] => {
    const found = specific(ctx, s);
    if (!found) return [];
    return (s.action?.values ?? []).flatMap((v) => {
      const info = hasWildcard(v.value) ? undefined : lookupAction(v.value);
      if (!info || found.resources.some((r) => supports(info, r.value))) return [];
      const message = info.resourceTypes.length
        ? `${info.action} applies to none of the statement's resources (it takes ${info.resourceTypes.map((r) => r.name).join(", ")}).`
        : `${info.action} does not support resource-level permissions: it needs "Resource": "*".`;
      return [{ message, span: v.span, path: v.path }];
    });
  }),
);

const coversResource = (a: string, b: string) => a === b || matchesWildcard(a, b, true);

const redundantResource = check(
  "resources",
  "REDUNDANT_RESOURCE",
  "SUGGESTION",
  (ctx) => ctx.statements.flatMap((s) => [s.resource, s.notResource].flatMap((e) => redundantValues(e, coversResource))),
  { accessAnalyzer: "Redundant resource" },
);

const LEVELS_WORTH_NAMING = new Set(["Write", "Permissions management", "Tagging"]);

const resourceStar = check("resources", "RESOURCE_STAR", "SUGGESTION", (ctx) =>
  ctx.statements.flatMap((s): Hit[] => {
    const star = s.resource?.values.find((r) => r.value === "*");
    if (!s.allow || !star || !s.action) return [];
    const named = s.action.values.flatMap((v) => {
      const info = hasWildcard(v.value) ? undefined : lookupAction(v.value);
      return info && LEVELS_WORTH_NAMING.has(info.accessLevel) && info.resourceTypes.some((r) => r.required) ? [info.action] : [];
    });
    if (!named.length) return [];
    const list = named.slice(0, 3).join(", ") + (named.length > 3 ? ` and ${named.length - 3} more` : "");
    return [
      { message: `${list} can be limited to named resources: "Resource": "*" grants them on every one.`, span: star.span, path: star.path },
    ];
  }),
);

export const RESOURCE_CHECKS = [resourceMismatch, actionMismatch, redundantResource, resourceStar];
