import type { AccessLevel } from "../catalogue";

/**
 * The IAM console's policy summary, in its three tables: services (policy summary), a service's actions (service
 * summary), an action's resources (action summary). Texts are worded as the console words them.
 */
export type PolicySummary = {
  /** "Explicit deny" first, then "Allow"; a section is left out when no statement of its effect names a known service. */
  sections: SummarySection[];
  /** Action values whose service prefix IAM does not recognize ("Uncategorized services"). */
  unrecognizedServices: UnrecognizedService[];
  /** Services in the catalogue: "Allow (2 of 412 services)". */
  serviceCount: number;
};

export type SummaryEffect = "Allow" | "Deny";

export type SummarySection = { effect: SummaryEffect; services: ServiceSummaryRow[] };

export type ServiceSummaryRow = {
  effect: SummaryEffect;
  /** "s3" */
  prefix: string;
  /** "Amazon S3" */
  name: string;
  /** "Full access", "Full: List, Read Limited: Write", "Limited: Read", "None" */
  accessLevel: string;
  /** "All resources", one resource's text ("BucketName | string like | mybucket"), "Multiple" or "None". */
  resource: string;
  /** "None", one condition's text ("aws:SourceIp | ip address | 203.0.113.0/24") or "Multiple". */
  condition: string;
  /** Per access level that the service has: how many of its actions the policy names. */
  levels: { level: AccessLevel; count: number; total: number }[];
  /** By access level (List, Read, Write, Permissions management, Tagging), then name. */
  actions: ActionSummaryRow[];
  /** Action values of this service that match none of its actions ("Unrecognized actions"). */
  unrecognizedActions: string[];
  /** Actions that no resource of their statements applies to: they grant (or deny) nothing. */
  actionsWithoutResource: number;
};

export type ActionSummaryRow = {
  /** "s3:GetObject" */
  action: string;
  /** "GetObject" */
  name: string;
  accessLevel: AccessLevel;
  resource: string;
  condition: string;
  /** The action summary: one row per resource and set of conditions. */
  resources: ResourceSummaryRow[];
};

export type ResourceSummaryRow = {
  /** "All resources", "BucketName | string like | mybucket, ObjectName | string like | All", or the ARN as written. */
  resource: string;
  /** "All regions" or the Region. */
  region: string;
  /** "All accounts" or the account ID. */
  account: string;
  /** One text per condition key; empty when the request needs none. */
  conditions: string[];
};

export type UnrecognizedService = { effect: SummaryEffect; prefix: string; actions: string[] };
