import { ACCESS_LEVELS, services, type AccessLevel } from "../catalogue";
import { actionIndex } from "./action-index";
import type { Placed } from "./index";
import * as ranks from "./statements";
import type { AccessLevelPermissions, EffectiveStatus, LevelAccess, PermissionCounts, RequiredLayer, ServicePermissions } from "./types";

// Module-level copies: transpiled ESM reads imported bindings through getters, which 22k-action loops would pay for.
const { CONDITIONAL, FULL, NONE, PARTIAL } = ranks;

/** EffectiveStatus by rank (an array: indexed in the per-action loops). */
export const STATUS: readonly EffectiveStatus[] = Object.assign<EffectiveStatus[], object>([], {
  [CONDITIONAL]: "conditional",
  [PARTIAL]: "partial",
  [FULL]: "full",
});

/** Per action (by catalogue index): ranks from the identity-based policies, after every layer, and of the widest Deny. */
export type Ranks = {
  identity: Uint8Array;
  allowed: Uint8Array;
  denied: Uint8Array;
  /** Bit g-1 set when gate g (the boundary, then SCP levels) allows nothing an identity-based Allow grants. */
  missing: Uint32Array;
  placed: Placed[];
  gates: RequiredLayer[];
};

const levelOf = (level: number): AccessLevelPermissions => ({
  level: ACCESS_LEVELS[level],
  access: "None",
  total: 0,
  allowed: 0,
  full: 0,
  partial: 0,
  conditional: 0,
  blocked: 0,
  denied: 0,
  allowedActions: [],
  blockedActions: [],
  deniedActions: [],
});
const counts = (): PermissionCounts => ({ total: 0, allowed: 0, full: 0, partial: 0, conditional: 0, blocked: 0, denied: 0 });

function add(to: PermissionCounts, from: PermissionCounts) {
  to.total += from.total;
  to.allowed += from.allowed;
  to.full += from.full;
  to.partial += from.partial;
  to.conditional += from.conditional;
  to.blocked += from.blocked;
  to.denied += from.denied;
}

/** Groups the per-action ranks by service and access level, with the statements behind each action. */
export function summarize({ identity, allowed, denied, missing, placed, gates }: Ranks) {
  const { count, names, shortNames, level, serviceStart } = actionIndex();
  const grants = new Lists(count);
  const denies = new Lists(count);
  for (const { prepared: p, ref } of placed) {
    if (p.effect === "Deny") denies.add(p.actions, ref);
    else grants.add(p.actions, ref, identity);
  }
  const blockers = new Map<number, RequiredLayer[]>();
  const blockedBy = (mask: number) => {
    let list = blockers.get(mask);
    if (!list) blockers.set(mask, (list = gates.filter((_, g) => mask & (1 << g))));
    return list;
  };
  const totals = counts();
  const out: ServicePermissions[] = [];
  services().forEach(({ prefix, name }, s) => {
    const byLevel: (AccessLevelPermissions | undefined)[] = [];
    for (let a = serviceStart[s]; a < serviceStart[s + 1]; a++) {
      const l = (byLevel[level[a]] ??= levelOf(level[a]));
      l.total++;
      const rank = allowed[a];
      if (rank !== NONE) {
        l.allowedActions.push({
          action: names[a],
          name: shortNames[a],
          status: STATUS[rank],
          grantedBy: grants.of(a),
          limitedBy: denies.of(a),
        });
        l.allowed++;
        if (rank === FULL) l.full++;
        else if (rank === PARTIAL) l.partial++;
        else l.conditional++;
      } else if (denied[a] === FULL) {
        l.deniedActions.push({ action: names[a], name: shortNames[a], deniedBy: denies.of(a), grantedBy: grants.of(a) });
        l.denied++;
      } else if (missing[a] !== 0) {
        l.blockedActions.push({ action: names[a], name: shortNames[a], grantedBy: grants.of(a), blockedBy: blockedBy(missing[a]) });
        l.blocked++;
      }
    }
    const levels = byLevel.filter((l) => l !== undefined);
    const service: ServicePermissions = { prefix, name, accessSummary: "None", ...counts(), levels };
    for (const l of levels) {
      l.access = access(l);
      add(service, l);
    }
    add(totals, service);
    if (service.allowed === 0 && service.denied === 0 && service.blocked === 0) return;
    service.accessSummary = accessSummary(service);
    out.push(service);
  });
  return { ...totals, services: out };
}

type ListNode = { list: number[]; ref: number; next?: ListNode; more?: Map<number, ListNode> };
const node = (list: number[]): ListNode => ({ list, ref: -1 });

function step(from: ListNode, ref: number): ListNode {
  if (from.ref === ref) return from.next!;
  let to = from.more?.get(ref);
  if (!to) {
    to = node([...from.list, ref]);
    if (from.ref < 0) {
      from.ref = ref;
      from.next = to;
    } else (from.more ??= new Map()).set(ref, to);
  }
  return to;
}

/**
 * Statement numbers per action, appended in order. Actions with the same statements share one array: over 22k actions
 * there are a handful of distinct lists, and one array per action would make each call allocate (and collect) 22k.
 */
class Lists {
  private readonly root = node([]);
  private readonly at: (ListNode | undefined)[];

  constructor(count: number) {
    this.at = new Array(count);
  }

  /** Appends `ref` to the list of each of `actions` (those `only` ranks above NONE, if given). */
  add(actions: Int32Array, ref: number, only?: Uint8Array) {
    const at = this.at;
    let from: ListNode | undefined;
    let to: ListNode | undefined;
    for (let i = 0; i < actions.length; i++) {
      const a = actions[i];
      if (only && only[a] === NONE) continue;
      const list = at[a] ?? this.root;
      if (list !== from) {
        from = list;
        to = step(list, ref);
      }
      at[a] = to;
    }
  }

  of(action: number): number[] {
    return (this.at[action] ?? this.root).list;
  }
}

type AccessCounts = { allowed: number; total: number };

/** Full when every action (of a level) is allowed, Limited when some are, None when none is. */
export const access = (c: AccessCounts): LevelAccess => (c.allowed === 0 ? "None" : c.allowed === c.total ? "Full" : "Limited");

/** "Full access" | "Full: List, Read Limited: Write" | "None", as the IAM console's policy summary words it. */
export function accessSummary(s: AccessCounts & { levels: readonly (AccessCounts & { level: AccessLevel })[] }): string {
  if (s.allowed === 0) return "None";
  if (s.allowed === s.total) return "Full access";
  const full = s.levels.filter((l) => access(l) === "Full").map((l) => l.level);
  const limited = s.levels.filter((l) => access(l) === "Limited").map((l) => l.level);
  return [full.length ? `Full: ${full.join(", ")}` : "", limited.length ? `Limited: ${limited.join(", ")}` : ""].filter(Boolean).join(" ");
}
