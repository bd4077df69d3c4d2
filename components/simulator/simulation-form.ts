import { simulationSchema, type ContextKeyType, type SimulationInput } from "@/lib/schemas/simulator";

/** A context key row as typed: list types take comma-separated values. */
export type ContextRow = { key: string; type: ContextKeyType; value: string };

/** The rows the simulation sends: those with a value (a key suggested by GetContextKeysFor*Policy may stay empty). */
export const contextEntries = (rows: ContextRow[]) =>
  rows
    .map((r, row) => ({
      row,
      key: r.key.trim(),
      type: r.type,
      values: r.type.endsWith("List")
        ? r.value
            .split(",")
            .map((v) => v.trim())
            .filter(Boolean)
        : [r.value.trim()],
    }))
    .filter((e) => e.key && e.values.some(Boolean));

export type SourceKind = "user" | "group" | "role" | "custom";

/** What the page holds, as typed. */
export type SimulationDraft = {
  kind: SourceKind;
  principalArn?: string;
  policies: string[];
  boundary?: string;
  actions: string[];
  resources: string;
  context: ContextRow[];
};

export type FieldErrors = Record<string, string>;

const NOUN: Record<Exclude<SourceKind, "custom">, string> = { user: "a user", group: "a user group", role: "a role" };

export const resourceLines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** The request the route takes; context rows without a value stay out (they were only suggested). */
export function simulationInput(d: SimulationDraft): SimulationInput {
  return {
    source: d.kind === "custom" ? { kind: "custom", policies: d.policies } : { kind: "principal", arn: d.principalArn ?? "" },
    ...(d.boundary !== undefined ? { boundary: d.boundary } : {}),
    actions: d.actions,
    resources: resourceLines(d.resources),
    context: contextEntries(d.context).map(({ key, type, values }) => ({ key, type, values })),
  };
}

/** Checks the draft with the route's own schema; errors keyed by field path ("actions.0", "context.1.values"...). */
export function validateDraft(d: SimulationDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (d.kind !== "custom" && !d.principalArn) errors["source.arn"] = `Choose ${NOUN[d.kind]}.`;
  const parsed = simulationSchema.safeParse(simulationInput(d));
  if (!parsed.success) for (const issue of parsed.error.issues) errors[issue.path.join(".") || "_"] ??= issue.message;
  return errors;
}

/** The first error at `path` or under it (`actions` finds `actions.3`), with the index that follows the path. */
export function errorUnder(errors: FieldErrors, path: string): { message: string; index?: number } | undefined {
  if (errors[path]) return { message: errors[path] };
  const key = Object.keys(errors).find((k) => k.startsWith(`${path}.`));
  if (!key) return undefined;
  const index = Number(key.slice(path.length + 1).split(".")[0]);
  return { message: errors[key], index: Number.isNaN(index) ? undefined : index };
}

/** Context errors point at the sent entries; the rows on screen include empty ones, so map back to the row. */
export function contextErrorOf(errors: FieldErrors, rows: ContextRow[]) {
  const sent = contextEntries(rows);
  return (row: number, field: "key" | "values") => {
    const k = sent.findIndex((e) => e.row === row);
    return k < 0 ? undefined : (errors[`context.${k}.${field}`] ?? (field === "values" ? errors[`context.${k}`] : undefined));
  };
}
