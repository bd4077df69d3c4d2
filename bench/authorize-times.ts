import { configFromEnv, settingsOf } from "../local-aws/config";
import type { LocalAws } from "../local-aws/app";
import type { Caller, Ctx } from "../local-aws/context";
import { authorize } from "../local-aws/authz";
import { percentile } from "./stats";

const WARM_UP = 500;

/** Times the authorization step by itself, as the request pipeline runs it, for one caller (after a warm-up). */
export function authorizeTimes(aws: LocalAws, caller: Caller, action: string, input: Record<string, unknown>, n = 5000): string {
  const ctx: Ctx = {
    db: aws.db,
    accountId: caller.accountId,
    requestId: "bench",
    region: "us-east-1",
    now: new Date(),
    sourceIp: "127.0.0.1",
    quotas: { usersPerAccount: 5000, groupsPerAccount: 300, rolesPerAccount: 1000, policiesPerAccount: 1500 },
    settings: settingsOf(configFromEnv({})),
    caller,
  };
  const samples: number[] = [];
  for (let i = 0; i < n + WARM_UP; i++) {
    const t = performance.now();
    authorize(ctx, "iam", action, input);
    if (i >= WARM_UP) samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const us = (q: number) => (percentile(samples, q) * 1000).toFixed(0);
  return `${action}: p50 ${us(50)} µs, p99 ${us(99)} µs, max ${us(100)} µs (${n} calls; p99 / 1 ms aim = ${percentile(samples, 99).toFixed(2)})`;
}
