import "server-only";
import {
  CreatePolicyVersionCommand,
  DeletePolicyVersionCommand,
  GetPolicyVersionCommand,
  ListPolicyVersionsCommand,
  SetDefaultPolicyVersionCommand,
  type PolicyVersion as SdkPolicyVersion,
} from "@aws-sdk/client-iam";
import type { z } from "zod";
import { policyVersionIdSchema, type createPolicyVersionSchema, type setDefaultPolicyVersionSchema } from "@/lib/schemas/policies";
import { iamClient } from "../aws-clients";
import { fromSdkError, ServiceError } from "../errors";
import type { Principal } from "../principal";
import { checkPolicyArn } from "./policies";
import { enforceAccessChecks } from "./access-checks";

export type PolicyVersion = { versionId: string; isDefaultVersion: boolean; createDate: string; document?: string };

const toVersion = (v: SdkPolicyVersion): PolicyVersion => ({
  versionId: v.VersionId!,
  isDefaultVersion: !!v.IsDefaultVersion,
  createDate: v.CreateDate!.toISOString(),
  // IAM returns documents URL-encoded (RFC 3986).
  ...(v.Document ? { document: decodeURIComponent(v.Document) } : {}),
});

type Ctx = { principal: Principal; policyArn: string };

function checkVersionId(versionId: string): string {
  const r = policyVersionIdSchema.safeParse(versionId);
  if (!r.success) throw new ServiceError("ValidationError", r.error.issues[0].message, 422);
  return r.data;
}

/** A managed policy has at most 5 versions, so one page holds them all; newest first. */
export async function listPolicyVersions({ principal, policyArn }: Ctx): Promise<PolicyVersion[]> {
  try {
    const r = await iamClient(principal).send(new ListPolicyVersionsCommand({ PolicyArn: checkPolicyArn(policyArn), MaxItems: 100 }));
    return (r.Versions ?? []).map(toVersion);
  } catch (err) {
    throw fromSdkError(err);
  }
}

export async function getPolicyVersion({ principal, policyArn, versionId }: Ctx & { versionId: string }): Promise<PolicyVersion> {
  try {
    const r = await iamClient(principal).send(
      new GetPolicyVersionCommand({ PolicyArn: checkPolicyArn(policyArn), VersionId: checkVersionId(versionId) }),
    );
    return toVersion(r.PolicyVersion!);
  } catch (err) {
    throw fromSdkError(err);
  }
}

/** CreatePolicyVersion; at the 5-version quota the console first deletes the version the user agreed to remove. */
export async function createPolicyVersion({
  principal,
  policyArn,
  input,
}: Ctx & { input: z.infer<typeof createPolicyVersionSchema> }): Promise<PolicyVersion> {
  const arn = checkPolicyArn(policyArn);
  const iam = iamClient(principal);
  await enforceAccessChecks(principal, input.policyDocument, "identity");
  try {
    if (input.deleteVersionId) await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: input.deleteVersionId }));
    const r = await iam.send(
      new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: input.policyDocument, SetAsDefault: input.setAsDefault }),
    );
    return toVersion(r.PolicyVersion!);
  } catch (err) {
    throw fromSdkError(err);
  }
}

export async function deletePolicyVersion({ principal, policyArn, versionId }: Ctx & { versionId: string }): Promise<void> {
  try {
    await iamClient(principal).send(
      new DeletePolicyVersionCommand({ PolicyArn: checkPolicyArn(policyArn), VersionId: checkVersionId(versionId) }),
    );
  } catch (err) {
    throw fromSdkError(err);
  }
}

export async function setDefaultPolicyVersion({
  principal,
  policyArn,
  input,
}: Ctx & { input: z.infer<typeof setDefaultPolicyVersionSchema> }): Promise<void> {
  try {
    await iamClient(principal).send(
      new SetDefaultPolicyVersionCommand({ PolicyArn: checkPolicyArn(policyArn), VersionId: input.versionId }),
    );
  } catch (err) {
    throw fromSdkError(err);
  }
}
