import type { PolicyEntityRef } from "@/lib/queries/policy-mutations";

export type EntityFailure = PolicyEntityRef & { code: string; message: string };

/** Runs one request per entity, in order, collecting AWS's code and message for each failure. */
export async function runEach<T extends PolicyEntityRef>(
  items: T[],
  fn: (item: T) => Promise<unknown>,
  onProgress?: (done: number) => void,
) {
  const failures: EntityFailure[] = [];
  for (const [i, item] of items.entries()) {
    await fn(item).catch((err: { code?: string; message?: string }) =>
      failures.push({
        entityType: item.entityType,
        entityName: item.entityName,
        code: err.code ?? "Error",
        message: err.message ?? "The request failed.",
      }),
    );
    onProgress?.(i + 1);
  }
  return failures;
}

export const entityTypeLabel = (t: PolicyEntityRef["entityType"]) => (t === "Group" ? "User group" : t);
