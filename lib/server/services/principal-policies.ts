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
import { Lru } from "@/lib/policy/lru";
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

/** A policy version's document never changes, but a deleted policy's ARN may come back with another PolicyId. */
const versions = new Lru<string, string>(2048);

/**
 * Each managed policy's document read once per computation: its default version ID fresh (GetPolicy), the version's
 * document from IAM or remembered by ARN, PolicyId and version ID, for the same access key only (so IAM still
 * decides what each caller may read).
 */
function managedDocuments(iam: IAMClient): (PolicyArn: string) => Promise<string> {
  const caller = iam.config.credentials().then((c) => c.accessKeyId);
  const reads = new Map<string, Promise<string>>();
  const read = async (PolicyArn: string) => {
    const { Policy } = await iam.send(new GetPolicyCommand({ PolicyArn }));
    const VersionId = Policy!.DefaultVersionId!;
    const key = [await caller, PolicyArn, Policy!.PolicyId, VersionId].join("\n");
    const known = versions.get(key);
    if (known !== undefined) return known;
    const { PolicyVersion } = await iam.send(new GetPolicyVersionCommand({ PolicyArn, VersionId }));
    const document = decodeURIComponent(PolicyVersion?.Document ?? "");
    versions.set(key, document);
    return document;
  };
  return (arn) => {
    let document = reads.get(arn);
    if (!document) reads.set(arn, (document = read(arn)));
    return document;
  };
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

type Documents = ReturnType<typeof managedDocuments>;

/** One entity's attached managed policies, then its inline policies, each document read as soon as its name is known. */
async function entityPolicies(iam: IAMClient, entity: Entity, documents: Documents): Promise<PolicySource[]> {
  const managed = listAll((m) => LIST_ATTACHED[entity.type](iam, entity.name, m).then((r) => ({ ...r, items: r.AttachedPolicies }))).then(
    (attached) =>
      Promise.all(
        attached.map(async (p): Promise<PolicySource> => ({
          sourcePolicyId: p.PolicyName!,
          policyName: p.PolicyName!,
          policyArn: p.PolicyArn!,
          type: managedType(p.PolicyArn!),
          attachedTo: entity,
          layer: "identity",
          document: await documents(p.PolicyArn!),
        })),
      ),
  );
  const embedded = listAll((m) => LIST_INLINE[entity.type](iam, entity.name, m).then((r) => ({ ...r, items: r.PolicyNames }))).then(
    (names) =>
      Promise.all(
        names.map(async (name): Promise<PolicySource> => ({
          sourcePolicyId: `${entity.type}_${entity.name}_${name}`,
          policyName: name,
          type: "Inline",
          attachedTo: entity,
          layer: "identity",
          document: decodeURIComponent((await GET_INLINE[entity.type](iam, entity.name, name)).PolicyDocument ?? ""),
        })),
      ),
  );
  return (await Promise.all([managed, embedded])).flat();
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
  const documents = managedDocuments(iam);
  const groups =
    entity.type === "user"
      ? listAll((m) =>
          iam.send(new ListGroupsForUserCommand({ UserName: entity.name, Marker: m })).then((r) => ({ ...r, items: r.Groups })),
        )
      : Promise.resolve([]);
  const boundary = boundaryArn(iam, entity).then(async (arn): Promise<PolicySource[]> => {
    if (!arn) return [];
    const name = arn.split("/").pop()!;
    return [
      {
        sourcePolicyId: name,
        policyName: name,
        policyArn: arn,
        type: managedType(arn),
        attachedTo: entity,
        layer: "boundary",
        document: await documents(arn),
      },
    ];
  });
  const [own, viaGroups, bound] = await Promise.all([
    entityPolicies(iam, entity, documents),
    groups.then((list) => Promise.all(list.map((g) => entityPolicies(iam, { type: "group", name: g.GroupName! }, documents)))),
    boundary,
  ]);
  return [...own, ...viaGroups.flat(), ...bound];
}
