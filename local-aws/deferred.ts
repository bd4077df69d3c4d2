import type { Ctx } from "./context";
import type { Db } from "./store/db";
import { sql, writeStamp } from "./store/db";
import { settlePending } from "./organizations/settle";
import { COMPLETES_AFTER_MS, settleServiceLinkedRoleDeletions } from "./iam/service-linked-roles";

type Settled = { stamp: string; nextDue: number };
const settled = new WeakMap<Db, Settled>();

/**
 * Settles the work AWS does after answering (CreateAccount requests completing, closures, invitations expiring,
 * service-linked roles' deletion tasks), at the start of a request and in its transaction. Pending work appears only
 * through a write and falls due at a time known when it is written, so a request reads when the earliest pending
 * work falls due (one statement) only when the store's write stamp has moved since (a write, or a rollback of one),
 * and settles only when that time has come.
 */
export function settleDueWork(ctx: Ctx): void {
  const now = ctx.now.getTime();
  const last = settled.get(ctx.db);
  if (last && now < last.nextDue && last.stamp === writeStamp(ctx.db)) return;
  let nextDue = earliestDue(ctx);
  // A time that does not parse (NaN) settles every time.
  if (!(now < nextDue)) {
    settlePending(ctx);
    settleServiceLinkedRoleDeletions(ctx);
    nextDue = earliestDue(ctx);
  }
  settled.set(ctx.db, { stamp: writeStamp(ctx.db), nextDue });
}

/** When the earliest pending work falls due, in ms: Infinity when none is pending, NaN (never skipped) if unreadable. */
function earliestDue(ctx: Ctx): number {
  const pending = sql(
    ctx.db,
    `SELECT (SELECT MIN(requested) FROM org_create_account_requests WHERE state = 'IN_PROGRESS') AS requested,
            (SELECT MIN(state_date) FROM accounts WHERE state = 'PENDING_CLOSURE') AS closing,
            (SELECT MIN(expiration) FROM org_handshakes WHERE state IN ('REQUESTED', 'OPEN')) AS expiring,
            (SELECT MIN(create_date) FROM slr_deletion_tasks WHERE status = 'PENDING') AS deleting`,
  ).get() as Record<"requested" | "closing" | "expiring" | "deleting", string | null>;
  // The same delays settlePending and settleServiceLinkedRoleDeletions compare against.
  const accountDelay = ctx.settings.createAccountSeconds * 1000;
  return Math.min(
    dueAt(pending.requested, accountDelay),
    dueAt(pending.closing, accountDelay),
    dueAt(pending.expiring, 0),
    dueAt(pending.deleting, COMPLETES_AFTER_MS),
  );
}

const dueAt = (iso: string | null, after: number) => (iso === null ? Infinity : Date.parse(iso) + after);
