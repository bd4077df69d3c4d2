import type { Db } from "../store/db";
import { sql } from "../store/db";

/** The AWS managed organization policies (org_id 'aws'): content as DescribePolicy returns it, 2-space JSON. */
export const FULL_AWS_ACCESS = {
  id: "p-FullAWSAccess",
  type: "SERVICE_CONTROL_POLICY",
  name: "FullAWSAccess",
  description: "Allows access to every operation",
  content: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }, null, 2),
};

export const RCP_FULL_AWS_ACCESS = {
  id: "p-RCPFullAWSAccess",
  type: "RESOURCE_CONTROL_POLICY",
  name: "RCPFullAWSAccess",
  description: "Allows access to every resource",
  content: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] }, null, 2),
};

export const AWS_MANAGED_ORG_POLICIES = [FULL_AWS_ACCESS, RCP_FULL_AWS_ACCESS];

export function seedOrganizationsCatalogue(db: Db): void {
  for (const p of AWS_MANAGED_ORG_POLICIES) {
    sql(
      db,
      `INSERT OR IGNORE INTO org_policies (policy_id, org_id, policy_type, name, description, content, create_date)
       VALUES (?, 'aws', ?, ?, ?, ?, '2019-11-25T00:00:00Z')`,
    ).run(p.id, p.type, p.name, p.description, p.content);
  }
}
