import type { Handlers } from "../context";

export const stsHandlers: Handlers = {
  GetCallerIdentity(_input, ctx) {
    return { UserId: ctx.caller.userId, Account: ctx.caller.accountId, Arn: ctx.caller.arn };
  },
};
