import type { Ctx } from "../context";
import { sql } from "../store/db";
import { iamStateChanged } from "../authz/principal-cache";
import { completeCreateAccount, type CreateAccountRequest } from "./create-account";
import { isoMs } from "./shared";

/**
 * Work AWS does after answering, done at the start of the next request (in its transaction): CreateAccount requests
 * and account closures older than the configured delay complete, invitations past their expiry expire. No timers, so
 * nothing is lost across restarts; each check is one index probe when nothing is pending.
 */
export function settlePending(ctx: Ctx): void {
  const due = isoMs(new Date(ctx.now.getTime() - ctx.settings.createAccountSeconds * 1000));
  const requests = sql(
    ctx.db,
    "SELECT * FROM org_create_account_requests WHERE state = 'IN_PROGRESS' AND requested <= ? ORDER BY requested, request_id",
  ).all(due) as CreateAccountRequest[];
  for (const r of requests) settleCreateAccount(ctx, r);
  if (requests.length) iamStateChanged(ctx.db);
  // Probe before writing, so a request with nothing to settle stays a read.
  if (sql(ctx.db, "SELECT 1 FROM accounts WHERE state = 'PENDING_CLOSURE' AND state_date <= ? LIMIT 1").get(due)) {
    sql(ctx.db, "UPDATE accounts SET state = 'SUSPENDED', state_date = ? WHERE state = 'PENDING_CLOSURE' AND state_date <= ?").run(
      isoMs(ctx.now),
      due,
    );
  }
  const now = isoMs(ctx.now);
  if (sql(ctx.db, "SELECT 1 FROM org_handshakes WHERE state IN ('REQUESTED', 'OPEN') AND expiration <= ? LIMIT 1").get(now)) {
    sql(ctx.db, "UPDATE org_handshakes SET state = 'EXPIRED' WHERE state IN ('REQUESTED', 'OPEN') AND expiration <= ?").run(now);
  }
}

/** A request that cannot complete fails with INTERNAL_FAILURE rather than failing every later request. */
function settleCreateAccount(ctx: Ctx, r: CreateAccountRequest): void {
  try {
    ctx.db.transaction(() => completeCreateAccount(ctx, r))();
  } catch (err) {
    console.error(`local-aws: CreateAccount ${r.request_id} failed`, err);
    sql(
      ctx.db,
      "UPDATE org_create_account_requests SET state = 'FAILED', completed = ?, failure_reason = 'INTERNAL_FAILURE' WHERE request_id = ?",
    ).run(isoMs(ctx.now), r.request_id);
  }
}
