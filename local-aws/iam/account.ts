import type { Handlers } from "../context";
import { accountAliasHandlers } from "./account-aliases";
import { accountSummaryHandlers } from "./account-summary";
import { authorizationDetailsHandlers } from "./authorization-details";

export const accountHandlers: Handlers = {
  ...accountAliasHandlers,
  ...accountSummaryHandlers,
  ...authorizationDetailsHandlers,
};
