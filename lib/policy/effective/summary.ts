import { ACCESS_LEVELS, services } from "../catalogue";
import { actionIndex } from "./action-index";
import type { Placed } from "./index";
import { CONDITIONAL, FULL, NONE, PARTIAL } from "./statements";
import type {
  AccessLevelPermissions, DeniedAction, EffectiveAction, EffectiveStatus, LevelAccess, PermissionCounts, ServicePermissions,
} from "./types";

export const STATUS: Record<number, EffectiveStatus> = { [FULL]: "full", [PARTIAL]: "partial", [CONDITIONAL]: "conditional" };

/** Lists of statement numbers, shared by every action with the same statements (22k actions, a handful of distinct lists). */
type ListNode = { list: number[]; ref: number; next?: ListNode; more?: Map<number, ListNode> };

const node = (list: number[]): ListNode => ({ list, ref: -1 });

function append(from: ListNode, ref: number): ListNode {
  if (from.ref === ref) return from.next!;
  let to = from.more?.get(ref);
  if (to) return to;
  to = node([...from.list, ref]);
  if (from.ref < 0) {
    from.ref = ref;
    from.next = to;
  } else (from.more ??= new Map()).set(ref, to);
  return to;
}

const counts = (): PermissionCounts => ({ total: 0, allowed: 0, full: 0, partial: 0, conditional: 0, denied: 0 });

function add(to: PermissionCounts, from: PermissionCounts) {
  to.total += from.total;
  to.allowed += from.allowed;
  to.full += from.full;
  to.partial += from.partial;
  to.conditional += from.conditional;
  to.denied += from.denied;
}

/** Groups the per-action ranks by service and access level, with the statements behind each action. */
export function summarize(allowed: Uint8Array, denied: Uint8Array, placed: Placed[]) {
  const { count, names, shortNames, level, serviceStart } = actionIndex();
  const grants = new Array<ListNode | undefined>(count);
  const denies = new Array<ListNode | undefined>(count);
  const allowRoot = node([]);
  const denyRoot = node([]);
  for (const { prepared: p, ref } of placed) {
    const actions = p.actions;
    const allow = p.effect === "Allow";
    const [lists, root] = allow ? [grants, allowRoot] : [denies, denyRoot];
    for (let i = 0; i < actions.length; i++) {
      const a = actions[i];
      if (allow && allowed[a] === NONE) continue;
      lists[a] = append(lists[a] ?? root, ref);
    }
  }
  const totals = counts();
  const out: ServicePermissions[] = [];
  services().forEach(({ prefix, name }, s) => {
    const levels: AccessLevelPermissions[] = [];
    const byLevel: (AccessLevelPermissions | undefined)[] = [];
    for (let a = serviceStart[s]; a < serviceStart[s + 1]; a++) {
      const l = (byLevel[level[a]] ??= { level: ACCESS_LEVELS[level[a]], access: "None", ...counts(), allowedActions: [], deniedActions: [] });
      l.total++;
      const rank = allowed[a];
      if (rank !== NONE) {
        const action: EffectiveAction = { action: names[a], name: shortNames[a], status: STATUS[rank], grantedBy: grants[a]!.list, limitedBy: (denies[a] ?? denyRoot).list };
        l.allowedActions.push(action);
        l.allowed++;
        l[action.status]++;
      }
      if (denied[a] !== NONE) {
        const d: DeniedAction = { action: names[a], name: shortNames[a], status: STATUS[denied[a]], deniedBy: denies[a]!.list };
        l.deniedActions.push(d);
        l.denied++;
      }
    }
    const service: ServicePermissions = { prefix, name, accessSummary: "None", ...counts(), levels };
    for (const l of byLevel) {
      if (!l) continue;
      l.access = access(l);
      levels.push(l);
      add(service, l);
    }
    add(totals, service);
    if (service.allowed === 0 && service.denied === 0) return;
    service.accessSummary = accessSummary(service);
    out.push(service);
  });
  return { ...totals, services: out };
}

const access = (c: PermissionCounts): LevelAccess => (c.allowed === 0 ? "None" : c.allowed === c.total ? "Full" : "Limited");

/** "Full access" | "Full: List, Read Limited: Write" | "None", as the IAM console's policy summary words it. */
function accessSummary(s: ServicePermissions): string {
  if (s.allowed === 0) return "None";
  if (s.allowed === s.total) return "Full access";
  const full = s.levels.filter((l) => l.access === "Full").map((l) => l.level);
  const limited = s.levels.filter((l) => l.access === "Limited").map((l) => l.level);
  return [full.length ? `Full: ${full.join(", ")}` : "", limited.length ? `Limited: ${limited.join(", ")}` : ""].filter(Boolean).join(" ");
}
