import { compilePolicy, evaluate } from "../../lib/policy/evaluate";
import type { EvaluationInput, RequestContext } from "../../lib/policy/evaluate/types";
import type { NewAccessKind } from "../../lib/policy/new-access";

export const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });

const allowAll = compilePolicy({ id: "all", name: "all", text: doc({ Effect: "Allow", Action: "*", Resource: "*" }) });

/** Whether the document alone lets the request through, asked of the evaluator independently of the check. */
export function lets(kind: NewAccessKind, text: string, request: RequestContext, account = "111122223333"): boolean {
  const policy = compilePolicy({ id: "t", name: "t", text });
  const input: EvaluationInput =
    kind === "identity"
      ? { request, identity: [policy] }
      : kind === "trust"
        ? { request, identity: [allowAll], resource: { policy, account, required: true } }
        : kind === "scp"
          ? { request, identity: [allowAll], scps: [[policy]] }
          : { request, identity: [allowAll], rcps: [[policy]] };
  return evaluate(input).decision === "allowed";
}
