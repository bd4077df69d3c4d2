import type { Ctx, Handlers } from "../context";
import { sql } from "../store/db";
import { entityAlreadyExists, noSuchEntity } from "../protocol/errors";
import { arrayPage, pageOut } from "./shared";

const aliasesOf = (ctx: Ctx) =>
  (sql(ctx.db, "SELECT alias FROM account_aliases WHERE account_id = ? ORDER BY alias").all(ctx.accountId) as { alias: string }[]).map(
    (r) => r.alias,
  );

/** An account has at most one alias; creating another replaces it. Aliases are unique across all accounts. */
export const accountAliasHandlers: Handlers = {
  CreateAccountAlias(input: { AccountAlias: string }, ctx) {
    if (sql(ctx.db, "SELECT 1 FROM account_aliases WHERE alias = ?").get(input.AccountAlias)) {
      throw entityAlreadyExists(`The account alias ${input.AccountAlias} already exists.`);
    }
    sql(ctx.db, "DELETE FROM account_aliases WHERE account_id = ?").run(ctx.accountId);
    sql(ctx.db, "INSERT INTO account_aliases (alias, account_id) VALUES (?, ?)").run(input.AccountAlias, ctx.accountId);
  },

  DeleteAccountAlias(input: { AccountAlias: string }, ctx) {
    const deleted = sql(ctx.db, "DELETE FROM account_aliases WHERE alias = ? AND account_id = ?").run(input.AccountAlias, ctx.accountId);
    if (deleted.changes === 0) throw noSuchEntity(`The account alias ${input.AccountAlias} cannot be found.`);
  },

  ListAccountAliases(input: { Marker?: string; MaxItems?: number }, ctx) {
    return pageOut(arrayPage(input, aliasesOf(ctx)), "AccountAliases", (a) => a);
  },
};
