import { compilePolicy, evaluate } from "../../lib/policy/evaluate";
import type { ContextValue, EvaluationInput, PrincipalInfo } from "../../lib/policy/evaluate";

export const ACCOUNT = "111122223333";
export const OTHER = "444455556666";

export const user = (name = "bob", account = ACCOUNT): PrincipalInfo => ({
  arn: `arn:aws:iam::${account}:user/${name}`,
  account,
  kind: "user",
});
export const roleSession = (role = "examplerole", session = "examplerolesessionname", account = ACCOUNT): PrincipalInfo => ({
  arn: `arn:aws:sts::${account}:assumed-role/${role}/${session}`,
  account,
  kind: "assumed-role",
  roleArn: `arn:aws:iam::${account}:role/${role}`,
});
export const federatedUser = (name = "exampleuser", account = ACCOUNT): PrincipalInfo => ({
  arn: `arn:aws:sts::${account}:federated-user/${name}`,
  account,
  kind: "federated-user",
  userArn: `arn:aws:iam::${account}:user/${name}`,
});

let counter = 0;
type Doc = Record<string, unknown>;

/** A compiled policy from statements (Version 2012-10-17 unless told). */
export function policy(statements: Doc | Doc[], version: string | null = "2012-10-17") {
  const id = `test-policy-${++counter}`;
  const text = JSON.stringify(version === null ? { Statement: statements } : { Version: version, Statement: statements }, null, 2);
  return compilePolicy({ id, name: id, text });
}

export const allow = (Action: unknown, Resource: unknown = "*", extra: Doc = {}): Doc => ({ Effect: "Allow", Action, Resource, ...extra });
export const deny = (Action: unknown, Resource: unknown = "*", extra: Doc = {}): Doc => ({ Effect: "Deny", Action, Resource, ...extra });

export type Request = { action?: string; resource?: string; principal?: PrincipalInfo; context?: Record<string, ContextValue> };

export function run(req: Request, layers: Omit<EvaluationInput, "request" | "identity"> & { identity?: EvaluationInput["identity"] }) {
  return evaluate({
    request: {
      action: req.action ?? "s3:GetObject",
      resource: req.resource ?? "arn:aws:s3:::amzn-s3-demo-bucket/key",
      principal: req.principal ?? user(),
      context: req.context ?? {},
    },
    identity: layers.identity ?? [],
    ...layers,
  });
}

/** Whether one Allow-everything statement with this Condition allows the request with this context. */
export function conditionAllows(condition: Doc, context: Record<string, ContextValue>, version: string | null = "2012-10-17"): boolean {
  const p = policy(allow("*", "*", { Condition: condition }), version);
  return run({ context }, { identity: [p] }).decision === "allowed";
}
