import { ACTION_CHECKS } from "./checks/actions";
import { CONDITION_CHECKS } from "./checks/conditions";
import { CONDITION_VALUE_CHECKS } from "./checks/condition-values";
import { RESOURCE_CHECKS } from "./checks/resources";
import { ARN_CHECKS } from "./checks/arns";
import { SECURITY_CHECKS } from "./checks/security";
import { TRUST_CHECKS } from "./checks/trust";
import { STRUCTURE_CHECKS } from "./checks/structure";
import { EMPTY_CHECKS } from "./checks/empty";
import { SIZE_CHECKS } from "./checks/size";
import type { Check } from "./types";

/** Every lint check, family by family; codes are unique. */
export const CHECKS: readonly Check[] = [
  ...STRUCTURE_CHECKS,
  ...SIZE_CHECKS,
  ...EMPTY_CHECKS,
  ...ACTION_CHECKS,
  ...ARN_CHECKS,
  ...RESOURCE_CHECKS,
  ...CONDITION_CHECKS,
  ...CONDITION_VALUE_CHECKS,
  ...SECURITY_CHECKS,
  ...TRUST_CHECKS,
];
