import "server-only";
import {
  GetGroupPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupPoliciesCommand,
  ListGroupsForUserCommand,
  ListRolePoliciesCommand,
  ListUserPoliciesCommand,
  type IAMClient,
} from "@aws-sdk/client-iam";
import { ServiceError } from "../errors";
import { listAll } from "./user-detail";

export type EntityType = "user" | "group" | "role";
export type Entity = { type: EntityType; name: string };

/**
 * A policy that applies to a user, group or role, with its document exactly as IAM stores it (the simulator's
 * StartPosition and EndPosition point into that text). `sourcePolicyId` is what SimulatePrincipalPolicy calls it:
 * a managed policy's name, or `<entity type>_<entity name>_<policy name>` for an inline policy.
 */
export type PolicySource = {
  sourcePolicyId: string;
  policyName: string;
  policyArn?: string;
  type: "AWS managed" | "Customer managed" | "Inline";
  /** The entity it is attached to or embedded in: the principal itself or one of the user's groups. */
  attachedTo: Entity;
  layer: "identity" | "boundary";
  document: string;
};

/** `arn:aws:iam::123456789012:user/path/name` → { type: "user", name }. */
export function entityFromArn(arn: string): Entity {
  const m = /^arn:aws[\w-]*:iam::\d{12}:(user|group|role)\/(?:[^/]*\/)*([^/]+)$/.exec(arn);
  if (!m)
    throw new ServiceError("ValidationError", "Choose an IAM user, group or role.", 422, { arn: "Choose an IAM user, group or role." });
  return { type: m[1] as EntityType, name: m[2] };
}

const managedType = (arn: string) => (arn.startsWith("arn:aws:iam::aws:") ? ("AWS managed" as const) : ("Customer managed" as const));

async function managedDocument(iam: IAMClient, PolicyArn: string): Promise<string> {
  const { Policy } = await iam.send(new GetPolicyCommand({ PolicyArn }));
  const { PolicyVersion } = await iam.send(new GetPolicyVersionCommand({ PolicyArn, VersionId: Policy!.DefaultVersionId! }));
  return decodeURIComponent(PolicyVersion?.Document ?? "");
}

const LIST_ATTACHED = {
  user: (iam: IAMClient, name: string, Marker?: string) => iam.send(new ListAttachedUserPoliciesCommand({ UserName: name, Marker })),
  group: (iam: IAMClient, name: string, Marker?: string) => iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: name, Marker })),
  role: (iam: IAMClient, name: string, Marker?: string) => iam.send(new ListAttachedRolePoliciesCommand({ RoleName: name, Marker })),
};
const LIST_INLINE = {
  user: (iam: IAMClient, name: string, Marker?: string) => iam.send(new ListUserPoliciesCommand({ UserName: name, Marker })),
  group: (iam: IAMClient, name: string, Marker?: string) => iam.send(new ListGroupPoliciesCommand({ GroupName: name, Marker })),
  role: (iam: IAMClient, name: string, Marker?: string) => iam.send(new ListRolePoliciesCommand({ RoleName: name, Marker })),
};
const GET_INLINE = {
  user: (iam: IAMClient, name: string, PolicyName: string) => iam.send(new GetUserPolicyCommand({ UserName: name, PolicyName })),
  group: (iam: IAMClient, name: string, PolicyName: string) => iam.send(new GetGroupPolicyCommand({ GroupName: name, PolicyName })),
  role: (iam: IAMClient, name: string, PolicyName: string) => iam.send(new GetRolePolicyCommand({ RoleName: name, PolicyName })),
};

/** One entity's attached managed policies, then its inline policies, each with its document. */
async function entityPolicies(iam: IAMClient, entity: Entity): Promise<PolicySource[]> {
  const [attached, inline] = await Promise.all([
    listAll((m) => LIST_ATTACHED[entity.type](iam, entity.name, m).then((r) => ({ ...r, items: r.AttachedPolicies }))),
    listAll((m) => LIST_INLINE[entity.type](iam, entity.name, m).then((r) => ({ ...r, items: r.PolicyNames }))),
  ]);
  const managed = attached.map(async (p): Promise<PolicySource> => ({
    sourcePolicyId: p.PolicyName!,
    policyName: p.PolicyName!,
    policyArn: p.PolicyArn!,
    type: managedType(p.PolicyArn!),
    attachedTo: entity,
    layer: "identity",
    document: await managedDocument(iam, p.PolicyArn!),
  }));
  const embedded = inline.map(async (name): Promise<PolicySource> => ({
    sourcePolicyId: `${entity.type}_${entity.name}_${name}`,
    policyName: name,
    type: "Inline",
    attachedTo: entity,
    layer: "identity",
    document: decodeURIComponent((await GET_INLINE[entity.type](iam, entity.name, name)).PolicyDocument ?? ""),
  }));
  return Promise.all([...managed, ...embedded]);
}

async function boundaryArn(iam: IAMClient, entity: Entity): Promise<string | undefined> {
  if (entity.type === "user")
    return (await iam.send(new GetUserCommand({ UserName: entity.name }))).User?.PermissionsBoundary?.PermissionsBoundaryArn;
  if (entity.type === "role")
    return (await iam.send(new GetRoleCommand({ RoleName: entity.name }))).Role?.PermissionsBoundary?.PermissionsBoundaryArn;
  return undefined;
}

/**
 * Every policy that decides what a user (with its groups' policies), group or role may do, read through IAM's own
 * APIs: ListAttached*Policies + GetPolicy + GetPolicyVersion, List*Policies + Get*Policy, ListGroupsForUser, and the
 * permissions boundary (GetUser / GetRole). SDK errors are left to the caller's service.
 */
export async function gatherPrincipalPolicies(iam: IAMClient, entity: Entity): Promise<PolicySource[]> {
  const groups =
    entity.type === "user"
      ? await listAll((m) =>
          iam.send(new ListGroupsForUserCommand({ UserName: entity.name, Marker: m })).then((r) => ({ ...r, items: r.Groups })),
        )
      : [];
  const [own, viaGroups, boundary] = await Promise.all([
    entityPolicies(iam, entity),
    Promise.all(groups.map((g) => entityPolicies(iam, { type: "group", name: g.GroupName! }))),
    boundaryArn(iam, entity),
  ]);
  const out = [...own, ...viaGroups.flat()];
  if (boundary) {
    const name = boundary.split("/").pop()!;
    out.push({
      sourcePolicyId: name,
      policyName: name,
      policyArn: boundary,
      type: managedType(boundary),
      attachedTo: entity,
      layer: "boundary",
      document: await managedDocument(iam, boundary),
    });
  }
  return out;
}
