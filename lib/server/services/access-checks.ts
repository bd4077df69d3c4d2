import "server-only";
import type { z } from "zod";
import { checkAccessNotGranted, type NewAccessKind, type NewAccessWitness } from "@/lib/policy/new-access";
import type { accessCheckSchema } from "@/lib/schemas/access-checks";
import { ServiceError } from "../errors";
import type { Principal } from "../principal";
import { addAccessCheck, readAccessChecks, removeAccessCheck, type AccessCheck } from "./access-checks-store";

export type { AccessCheck };

type Ctx<I = undefined> = { principal: Principal; input: I };

export const listAccessChecks = ({ principal }: Ctx) => readAccessChecks(principal.accountId);

export function createAccessCheck({ principal, input }: Ctx<z.infer<typeof accessCheckSchema>>): Promise<AccessCheck> {
  return addAccessCheck(principal.accountId, {
    name: input.name,
    actions: input.actions,
    resources: input.resources,
    createdAt: new Date().toISOString(),
    createdBy: principal.arn,
  });
}

export async function deleteAccessCheck({ principal, id }: { principal: Principal; id: string }): Promise<{ ok: true }> {
  if (!(await removeAccessCheck(principal.accountId, id))) throw new ServiceError("NoSuchEntity", `The check ${id} does not exist.`, 404);
  return { ok: true };
}

const describe = (w: NewAccessWitness) => `${w.request.action} on ${w.request.resource}${w.principal ? ` by ${w.principal}` : ""}`;

/**
 * Runs the account's "must never be granted" checks on a document about to be saved: the first that fails refuses
 * the save, naming the check and a request the document would allow. Called by every service that writes a policy.
 */
export async function enforceAccessChecks(principal: Principal, document: string, kind: NewAccessKind): Promise<void> {
  const checks = await readAccessChecks(principal.accountId);
  for (const check of checks) {
    const r = checkAccessNotGranted(document, kind, check, { account: principal.accountId });
    if (r.result === "FAIL") {
      throw new ServiceError(
        "AccessCheckFailed",
        `The policy grants access that the check "${check.name}" says must never be granted: it allows ${describe(r.witnesses[0])}.`,
        422,
      );
    }
  }
}
