import { parseArn } from "../arn";
import type { Principal } from "../types";
import type { PrincipalInfo } from "./types";

/** How a Principal element reached the caller, weakest first: the account, the role or federating user, the caller itself. */
export const GRANT = { NONE: 0, ACCOUNT: 1, PARENT: 2, SELF: 3 } as const;
const { NONE, ACCOUNT, PARENT, SELF } = GRANT;

export type PrincipalMatcher = { any: boolean; accounts: string[]; arns: string[]; services: string[]; federated: string[] };

export function compilePrincipal(p: Principal): PrincipalMatcher {
  const m: PrincipalMatcher = { any: p === "*", accounts: [], arns: [], services: [], federated: [] };
  if (p === "*") return m;
  for (const [type, values] of Object.entries(p)) {
    for (const v of values) {
      if (type === "AWS") {
        if (v === "*") m.any = true;
        else if (/^\d{12}$/.test(v)) m.accounts.push(v);
        else if (parseArn(v)?.service === "iam" && parseArn(v)?.resource === "root") m.accounts.push(parseArn(v)!.account);
        else m.arns.push(v);
      } else if (type === "Service") m.services.push(v);
      else if (type === "Federated") m.federated.push(v);
    }
  }
  return m;
}

/** The strongest way the element names the caller (IAM User Guide, "AWS JSON policy elements: Principal"). */
export function principalMatch(m: PrincipalMatcher, who: PrincipalInfo): number {
  if (m.any) return SELF;
  if (who.kind === "service") return who.service !== undefined && m.services.includes(who.service) ? SELF : NONE;
  if (who.federated !== undefined && m.federated.includes(who.federated)) return SELF;
  if (who.kind === "anonymous") return NONE;
  if (m.arns.includes(who.arn)) return SELF;
  const parent = who.roleArn ?? who.userArn;
  if (parent !== undefined && m.arns.includes(parent)) return PARENT;
  return m.accounts.includes(who.account) ? ACCOUNT : NONE;
}

/**
 * NotPrincipal applies unless every identity behind the caller is listed: the session or user, the role or federating
 * user, and the account (IAM User Guide, "NotPrincipal": "you must also specify the account ARN").
 */
export function notPrincipalApplies(m: PrincipalMatcher, who: PrincipalInfo): boolean {
  if (m.any) return false;
  if (who.kind === "service") return who.service === undefined || !m.services.includes(who.service);
  if (who.federated !== undefined && m.federated.includes(who.federated)) return false;
  if (who.kind === "anonymous") return true;
  if (!m.arns.includes(who.arn) && !(who.kind === "root" && m.accounts.includes(who.account))) return true;
  const parent = who.roleArn ?? who.userArn;
  if (parent !== undefined && !m.arns.includes(parent)) return true;
  return !m.accounts.includes(who.account);
}
