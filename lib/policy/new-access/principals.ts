import { parseArn } from "../arn";
import type { PrincipalInfo } from "../evaluate/types";
import type { Principal, Statement } from "../types";

export type SamplePrincipal = { info: PrincipalInfo; label: string };

/** A user of the account: who calls under an identity policy or SCP. */
export const accountUser = (account: string): SamplePrincipal => ({
  info: { kind: "user", arn: `arn:aws:iam::${account}:user/example-user`, account },
  label: `arn:aws:iam::${account}:user/example-user`,
});

const OTHER_ACCOUNTS = ["444455556666", "777788889999"];

/**
 * Callers named by the documents' Principal and NotPrincipal elements (an account as a user of it, a role as a
 * session of it, a service, an identity provider), a user of the policy's own account, and a user of an account
 * neither document names, who stands for `*` ("Another account").
 */
export function samplePrincipals(statements: Statement[], account: string): SamplePrincipal[] {
  const out = new Map<string, SamplePrincipal>();
  const add = (p: SamplePrincipal) => out.set(`${p.info.kind} ${p.info.arn} ${p.info.service ?? ""} ${p.info.federated ?? ""}`, p);
  const named = new Set<string>([account]);
  for (const s of statements) for (const p of [s.Principal, s.NotPrincipal]) if (p) fromElement(p, add, named);
  add(accountUser(account));
  const other = OTHER_ACCOUNTS.find((a) => !named.has(a)) ?? "999999999999";
  add({ ...accountUser(other), label: `Another account (${other})` });
  return [...out.values()];
}

function fromElement(p: Principal, add: (p: SamplePrincipal) => void, named: Set<string>) {
  if (p === "*") return;
  for (const [type, values] of Object.entries(p)) {
    for (const v of values) {
      if (v === "*") continue;
      if (type === "Service") add({ info: { kind: "service", arn: v, account: "", service: v }, label: `Service ${v}` });
      else if (type === "Federated") add({ info: { kind: "anonymous", arn: v, account: "", federated: v }, label: `Federated ${v}` });
      else if (type === "AWS") fromAws(v, add, named);
    }
  }
}

function fromAws(v: string, add: (p: SamplePrincipal) => void, named: Set<string>) {
  const arn = parseArn(v);
  const account = /^\d{12}$/.test(v) ? v : arn?.account;
  if (!account) return;
  named.add(account);
  const resource = arn?.resource ?? "root";
  if (resource === "root") {
    const user = accountUser(account);
    add({ ...user, label: `Account ${account} (${user.label})` });
  } else if (resource.startsWith("user/")) add({ info: { kind: "user", arn: v, account }, label: v });
  else if (resource.startsWith("role/")) {
    const name = resource.slice(resource.lastIndexOf("/") + 1);
    const session = `arn:aws:sts::${account}:assumed-role/${name}/example-session`;
    add({ info: { kind: "assumed-role", arn: session, account, roleArn: v }, label: v });
  } else if (resource.startsWith("assumed-role/")) {
    const role = resource.split("/")[1];
    add({ info: { kind: "assumed-role", arn: v, account, roleArn: `arn:aws:iam::${account}:role/${role}` }, label: v });
  }
}
