import "server-only";
import { CreatePolicyCommand, DeletePolicyCommand, ListPolicyTagsCommand, TagPolicyCommand, UntagPolicyCommand } from "@aws-sdk/client-iam";
import type { z } from "zod";
import type { createPolicySchema, policyTagsSchema } from "@/lib/schemas/policies";
import { iamClient } from "../aws-clients";
import { fromSdkError, ServiceError } from "../errors";
import type { Principal } from "../principal";
import { enforceAccessChecks } from "./access-checks";
import { checkPolicyArn, toPolicySummary, type PolicySummary } from "./policies";

/** CreatePolicy: IAM judges the document (MalformedPolicyDocument), the name (EntityAlreadyExists) and the quota. */
export async function createPolicy({
  principal,
  input,
}: {
  principal: Principal;
  input: z.infer<typeof createPolicySchema>;
}): Promise<PolicySummary> {
  await enforceAccessChecks(principal, input.policyDocument, "identity");
  try {
    const r = await iamClient(principal).send(
      new CreatePolicyCommand({
        PolicyName: input.policyName,
        PolicyDocument: input.policyDocument,
        Description: input.description || undefined,
        Tags: input.tags.length ? input.tags : undefined,
      }),
    );
    return toPolicySummary({ ...r.Policy!, Description: input.description || undefined });
  } catch (err) {
    const e = fromSdkError(err);
    if (e.code === "EntityAlreadyExists") throw new ServiceError(e.code, e.message, e.status, { policyName: e.message });
    throw e;
  }
}

/** DeletePolicy alone: the console detaches the policy and deletes its other versions first, step by step. */
export async function deletePolicy({ principal, policyArn }: { principal: Principal; policyArn: string }): Promise<void> {
  try {
    await iamClient(principal).send(new DeletePolicyCommand({ PolicyArn: checkPolicyArn(policyArn) }));
  } catch (err) {
    throw fromSdkError(err);
  }
}

/** Makes the policy's tags exactly `tags`: untags removed keys, then tags the rest (TagPolicy overwrites values). */
export async function updatePolicyTags({
  principal,
  policyArn,
  input,
}: {
  principal: Principal;
  policyArn: string;
  input: z.infer<typeof policyTagsSchema>;
}) {
  const arn = checkPolicyArn(policyArn);
  const iam = iamClient(principal);
  try {
    const current = await iam.send(new ListPolicyTagsCommand({ PolicyArn: arn, MaxItems: 1000 }));
    const keep = new Set(input.tags.map((t) => t.Key));
    const removed = (current.Tags ?? []).map((t) => t.Key!).filter((k) => !keep.has(k));
    if (removed.length) await iam.send(new UntagPolicyCommand({ PolicyArn: arn, TagKeys: removed }));
    if (input.tags.length) await iam.send(new TagPolicyCommand({ PolicyArn: arn, Tags: input.tags }));
    return { tags: input.tags };
  } catch (err) {
    throw fromSdkError(err);
  }
}
