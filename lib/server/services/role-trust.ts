import "server-only";
import { UpdateAssumeRolePolicyCommand } from "@aws-sdk/client-iam";
import type { z } from "zod";
import type { trustPolicySchema } from "@/lib/schemas/roles";
import { iamClient } from "../aws-clients";
import { fromSdkError } from "../errors";
import type { Principal } from "../principal";
import { enforceAccessChecks } from "./access-checks";

/** "Edit trust policy": UpdateAssumeRolePolicy, with AWS's MalformedPolicyDocument returned verbatim. */
export async function updateAssumeRolePolicy({
  principal,
  params,
  input,
}: {
  principal: Principal;
  params: { roleName: string };
  input: z.infer<typeof trustPolicySchema>;
}) {
  await enforceAccessChecks(principal, input.policyDocument, "trust");
  try {
    await iamClient(principal).send(new UpdateAssumeRolePolicyCommand({ RoleName: params.roleName, PolicyDocument: input.policyDocument }));
    return { ok: true };
  } catch (err) {
    throw fromSdkError(err);
  }
}
