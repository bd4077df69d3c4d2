import type { Handlers } from "../context";
import { accountSettingsHandlers } from "./account-settings";
import { delegationRequestHandlers } from "./delegation-requests";
import { roleTemplateHandlers } from "./role-templates";
import { rootAccessHandlers } from "./root-access";

/** IAM's newer account-level operations: settings, centralized root access, temporary delegation, role templates. */
export const accountFeatureHandlers: Handlers = {
  ...accountSettingsHandlers,
  ...rootAccessHandlers,
  ...delegationRequestHandlers,
  ...roleTemplateHandlers,
};
