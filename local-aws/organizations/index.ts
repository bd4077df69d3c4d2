import type { Handlers } from "../context";
import { organizationHandlers } from "./organization";
import { rootsHandlers } from "./roots";
import { unitsHandlers } from "./units";
import { accountsHandlers } from "./accounts";
import { createAccountHandlers } from "./create-account";
import { policiesHandlers } from "./policies";
import { attachmentsHandlers } from "./attachments";
import { effectiveHandlers } from "./effective";
import { tagsHandlers } from "./tags";
import { handshakesHandlers } from "./handshakes";
import { allFeaturesHandlers } from "./all-features";
import { delegationHandlers } from "./delegation";
import { resourcePolicyHandlers } from "./resource-policy";
import { transfersHandlers } from "./transfers";

/**
 * AWS Organizations (JSON 1.1), one file per resource family. Not served: CreateGovCloudAccount's GovCloud side (it
 * answers as for a management account without GovCloud); billing responsibility transfers are stored and reported, no
 * billing happens.
 */
export const organizationsHandlers: Handlers = {
  ...organizationHandlers,
  ...rootsHandlers,
  ...unitsHandlers,
  ...accountsHandlers,
  ...createAccountHandlers,
  ...policiesHandlers,
  ...attachmentsHandlers,
  ...effectiveHandlers,
  ...tagsHandlers,
  ...handshakesHandlers,
  ...allFeaturesHandlers,
  ...delegationHandlers,
  ...resourcePolicyHandlers,
  ...transfersHandlers,
};
