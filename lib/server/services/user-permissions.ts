import "server-only";
import {
  AttachUserPolicyCommand,
  DeleteUserPermissionsBoundaryCommand,
  DeleteUserPolicyCommand,
  DetachUserPolicyCommand,
  GetGroupPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetUserPolicyCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupPoliciesCommand,
  ListGroupsForUserCommand,
  ListUserPoliciesCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
} from "@aws-sdk/client-iam";
import type { z } from "zod";
import type { attachUserPoliciesSchema, PolicyDocumentQuery, PutUserPolicyInput } from "@/lib/schemas/user-detail";
import { iamClient } from "../aws-clients";
import { fromSdkError } from "../errors";
import type { Principal } from "../principal";
import { listAll } from "./user-detail";
import { enforceAccessChecks } from "./access-checks";

export type PermissionPolicyType = "AWS managed" | "Customer managed" | "Customer inline";
/** One row of the Permissions policies table; `via` is "Attached directly" or "Group <name>". */
export type PermissionPolicy = {
  id: string;
  policyName: string;
  policyArn?: string;
  type: PermissionPolicyType;
  via: string;
  groupName?: string;
};
export type UserPermissions = { policies: PermissionPolicy[] };

type Ctx<I> = { principal: Principal; input: I & { userName: string } };

const managedType = (arn: string): PermissionPolicyType => (arn.startsWith("arn:aws:iam::aws:") ? "AWS managed" : "Customer managed");

/** The user's effective policy list as the console shows it: attached, inline, and what each group brings. */
export async function listUserPermissions({ principal, input }: Ctx<object>): Promise<UserPermissions> {
  const iam = iamClient(principal);
  const UserName = input.userName;
  try {
    const [attached, inline, groups] = await Promise.all([
      listAll((Marker) =>
        iam.send(new ListAttachedUserPoliciesCommand({ UserName, Marker })).then((r) => ({ ...r, items: r.AttachedPolicies })),
      ),
      listAll((Marker) => iam.send(new ListUserPoliciesCommand({ UserName, Marker })).then((r) => ({ ...r, items: r.PolicyNames }))),
      listAll((Marker) => iam.send(new ListGroupsForUserCommand({ UserName, Marker })).then((r) => ({ ...r, items: r.Groups }))),
    ]);
    const viaGroups = await Promise.all(
      groups.map(async ({ GroupName }) => {
        const [gAttached, gInline] = await Promise.all([
          listAll((Marker) =>
            iam.send(new ListAttachedGroupPoliciesCommand({ GroupName, Marker })).then((r) => ({ ...r, items: r.AttachedPolicies })),
          ),
          listAll((Marker) => iam.send(new ListGroupPoliciesCommand({ GroupName, Marker })).then((r) => ({ ...r, items: r.PolicyNames }))),
        ]);
        const via = `Group ${GroupName}`;
        return [
          ...gAttached.map((p) => ({
            id: `${via}|${p.PolicyArn}`,
            policyName: p.PolicyName!,
            policyArn: p.PolicyArn!,
            type: managedType(p.PolicyArn!),
            via,
            groupName: GroupName,
          })),
          ...gInline.map((n) => ({ id: `${via}|inline|${n}`, policyName: n, type: "Customer inline" as const, via, groupName: GroupName })),
        ];
      }),
    );
    const direct = "Attached directly";
    return {
      policies: [
        ...attached.map((p) => ({
          id: `direct|${p.PolicyArn}`,
          policyName: p.PolicyName!,
          policyArn: p.PolicyArn!,
          type: managedType(p.PolicyArn!),
          via: direct,
        })),
        ...inline.map((n) => ({ id: `direct|inline|${n}`, policyName: n, type: "Customer inline" as const, via: direct })),
        ...viaGroups.flat(),
      ],
    };
  } catch (err) {
    throw fromSdkError(err);
  }
}

/** Attaches each policy in turn, so the ones before a failure stay attached and the error names the policy. */
export async function attachUserPolicies({ principal, input }: Ctx<z.infer<typeof attachUserPoliciesSchema>>) {
  const iam = iamClient(principal);
  const attached: string[] = [];
  for (const PolicyArn of input.policyArns) {
    try {
      await iam.send(new AttachUserPolicyCommand({ UserName: input.userName, PolicyArn }));
      attached.push(PolicyArn);
    } catch (err) {
      const e = fromSdkError(err);
      throw attached.length ? Object.assign(e, { message: `${PolicyArn.split("/").pop()}: ${e.message}` }) : e;
    }
  }
  return { attached };
}

export async function detachUserPolicy({ principal, input }: Ctx<{ policyArn: string }>) {
  try {
    await iamClient(principal).send(new DetachUserPolicyCommand({ UserName: input.userName, PolicyArn: input.policyArn }));
  } catch (err) {
    throw fromSdkError(err);
  }
}

export async function putUserPolicy({ principal, input }: Ctx<PutUserPolicyInput>) {
  await enforceAccessChecks(principal, input.policyDocument, "identity");
  try {
    await iamClient(principal).send(
      new PutUserPolicyCommand({ UserName: input.userName, PolicyName: input.policyName, PolicyDocument: input.policyDocument }),
    );
    return { policyName: input.policyName };
  } catch (err) {
    throw fromSdkError(err);
  }
}

export async function deleteUserPolicy({ principal, input }: Ctx<{ policyName: string }>) {
  try {
    await iamClient(principal).send(new DeleteUserPolicyCommand({ UserName: input.userName, PolicyName: input.policyName }));
  } catch (err) {
    throw fromSdkError(err);
  }
}

const pretty = (encoded: string | undefined) => {
  const text = decodeURIComponent(encoded ?? "");
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
};

/** The JSON of one row's policy: a managed policy's default version, or the user's or a group's inline policy. */
export async function getPermissionPolicyDocument({ principal, input }: Ctx<PolicyDocumentQuery>): Promise<{ document: string }> {
  const iam = iamClient(principal);
  try {
    if ("policyArn" in input) {
      const { Policy } = await iam.send(new GetPolicyCommand({ PolicyArn: input.policyArn }));
      const v = await iam.send(new GetPolicyVersionCommand({ PolicyArn: input.policyArn, VersionId: Policy!.DefaultVersionId! }));
      return { document: pretty(v.PolicyVersion?.Document) };
    }
    if (input.groupName) {
      const r = await iam.send(new GetGroupPolicyCommand({ GroupName: input.groupName, PolicyName: input.policyName }));
      return { document: pretty(r.PolicyDocument) };
    }
    const r = await iam.send(new GetUserPolicyCommand({ UserName: input.userName, PolicyName: input.policyName }));
    return { document: pretty(r.PolicyDocument) };
  } catch (err) {
    throw fromSdkError(err);
  }
}

export async function putUserPermissionsBoundary({ principal, input }: Ctx<{ policyArn: string }>) {
  try {
    await iamClient(principal).send(
      new PutUserPermissionsBoundaryCommand({ UserName: input.userName, PermissionsBoundary: input.policyArn }),
    );
  } catch (err) {
    throw fromSdkError(err);
  }
}

export async function deleteUserPermissionsBoundary({ principal, input }: Ctx<object>) {
  try {
    await iamClient(principal).send(new DeleteUserPermissionsBoundaryCommand({ UserName: input.userName }));
  } catch (err) {
    throw fromSdkError(err);
  }
}
