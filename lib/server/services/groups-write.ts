import "server-only";
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  CreateGroupCommand,
  DeleteGroupCommand,
  DeleteGroupPolicyCommand,
  DetachGroupPolicyCommand,
  PutGroupPolicyCommand,
  RemoveUserFromGroupCommand,
  type IAMClient,
} from "@aws-sdk/client-iam";
import type { z } from "zod";
import type { createGroupSchema, groupPolicyArnsSchema, groupUserNamesSchema, inlinePolicySchema } from "@/lib/schemas/groups";
import { iamClient } from "../aws-clients";
import { fromSdkError, ServiceError } from "../errors";
import type { Principal } from "../principal";
import { groupMembers, groupPermissions, toGroupSummary, type GroupSummary } from "./groups";
import { enforceAccessChecks } from "./access-checks";

type Ctx<I> = { principal: Principal; input: I };
type Failure<T> = { item: T; error: ServiceError };

/** Runs one AWS call per item, a few at a time, and says which succeeded and which failed (with AWS's error). */
async function settle<T>(items: T[], fn: (item: T) => Promise<unknown>, concurrency = 8) {
  const done: T[] = [];
  const failed: Failure<T>[] = [];
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      try {
        await fn(item);
        done.push(item);
      } catch (err) {
        failed.push({ item, error: fromSdkError(err) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return { done, failed };
}

/** AWS's code and message verbatim; `field` names the form section the failure belongs to, with the item's name. */
function stepError<T>(failed: Failure<T>[], field: string, label: (item: T) => string): ServiceError {
  const [first] = failed;
  const detail = failed.map((f) => `${label(f.item)}: ${f.error.message}`).join("\n");
  return new ServiceError(first.error.code, first.error.message, first.error.status, { [field]: detail });
}

const addUsers = (iam: IAMClient, GroupName: string, names: string[]) =>
  settle(names, (UserName) => iam.send(new AddUserToGroupCommand({ GroupName, UserName })));
const removeUsers = (iam: IAMClient, GroupName: string, names: string[]) =>
  settle(names, (UserName) => iam.send(new RemoveUserFromGroupCommand({ GroupName, UserName })));
const attach = (iam: IAMClient, GroupName: string, arns: string[]) =>
  settle(arns, (PolicyArn) => iam.send(new AttachGroupPolicyCommand({ GroupName, PolicyArn })));
const detach = (iam: IAMClient, GroupName: string, arns: string[]) =>
  settle(arns, (PolicyArn) => iam.send(new DetachGroupPolicyCommand({ GroupName, PolicyArn })));

const NAME_ERRORS = new Set(["EntityAlreadyExists", "ValidationError", "InvalidInput"]);

/**
 * The console's "Create user group": CreateGroup, then AddUserToGroup and AttachGroupPolicy for each choice. If any
 * step fails, what was done is undone (users removed, policies detached, group deleted) and AWS's error is returned.
 */
export async function createGroup({ principal, input }: Ctx<z.infer<typeof createGroupSchema>>): Promise<GroupSummary> {
  const iam = iamClient(principal);
  const GroupName = input.groupName;
  let group: GroupSummary;
  try {
    group = toGroupSummary((await iam.send(new CreateGroupCommand({ GroupName }))).Group!);
  } catch (err) {
    const e = fromSdkError(err);
    throw NAME_ERRORS.has(e.code) ? new ServiceError(e.code, e.message, e.status, { groupName: e.message }) : e;
  }
  const users = await addUsers(iam, GroupName, input.userNames);
  const policies = users.failed.length ? { done: [], failed: [] } : await attach(iam, GroupName, input.policyArns);
  if (!users.failed.length && !policies.failed.length) return group;

  const undo = await Promise.all([removeUsers(iam, GroupName, users.done), detach(iam, GroupName, policies.done)]);
  const undone =
    undo.every((u) => !u.failed.length) &&
    (await iam.send(new DeleteGroupCommand({ GroupName })).then(
      () => true,
      () => false,
    ));
  const error = users.failed.length
    ? stepError(users.failed, "userNames", (u) => `Couldn't add user ${u}`)
    : stepError(policies.failed, "policyArns", (a) => `Couldn't attach ${a}`);
  if (!undone)
    error.fieldErrors!.rollback = `The group ${GroupName} was created but could not be fully removed again. Delete it from the User groups page.`;
  throw error;
}

/** As the console does: remove the group's users, detach its managed policies, delete its inline ones, then DeleteGroup. */
export async function deleteGroup({ principal, input }: Ctx<{ groupName: string }>): Promise<{ groupName: string }> {
  const iam = iamClient(principal);
  const GroupName = input.groupName;
  try {
    const [members, permissions] = await Promise.all([groupMembers(iam, GroupName), groupPermissions(iam, GroupName)]);
    const users = await removeUsers(
      iam,
      GroupName,
      members.map((u) => u.UserName!),
    );
    if (users.failed.length) throw stepError(users.failed, "userNames", (u) => `Couldn't remove user ${u}`);
    const attached = await detach(
      iam,
      GroupName,
      permissions.attachedPolicies.map((p) => p.policyArn),
    );
    if (attached.failed.length) throw stepError(attached.failed, "policyArns", (a) => `Couldn't detach ${a}`);
    const inline = await settle(permissions.inlinePolicyNames, (PolicyName) =>
      iam.send(new DeleteGroupPolicyCommand({ GroupName, PolicyName })),
    );
    if (inline.failed.length) throw stepError(inline.failed, "inlinePolicyNames", (n) => `Couldn't delete inline policy ${n}`);
    await iam.send(new DeleteGroupCommand({ GroupName }));
    return { groupName: GroupName };
  } catch (err) {
    throw fromSdkError(err);
  }
}

/** Adds users who are not yet members; all or nothing: on a failure the ones just added are removed again. */
export async function addUsersToGroup({ principal, input }: Ctx<z.infer<typeof groupUserNamesSchema> & { groupName: string }>) {
  const iam = iamClient(principal);
  try {
    const members = new Set((await groupMembers(iam, input.groupName)).map((u) => u.UserName!.toLowerCase()));
    const added = await addUsers(
      iam,
      input.groupName,
      input.userNames.filter((u) => !members.has(u.toLowerCase())),
    );
    if (!added.failed.length) return { added: added.done };
    await removeUsers(iam, input.groupName, added.done);
    throw stepError(added.failed, "userNames", (u) => `Couldn't add user ${u}`);
  } catch (err) {
    throw fromSdkError(err);
  }
}

export async function removeUsersFromGroup({ principal, input }: Ctx<z.infer<typeof groupUserNamesSchema> & { groupName: string }>) {
  const removed = await removeUsers(iamClient(principal), input.groupName, input.userNames);
  if (removed.failed.length) throw stepError(removed.failed, "userNames", (u) => `Couldn't remove user ${u}`);
  return { removed: removed.done };
}

/** Attaches policies not yet attached; all or nothing, like adding users. */
export async function attachGroupPolicies({ principal, input }: Ctx<z.infer<typeof groupPolicyArnsSchema> & { groupName: string }>) {
  const iam = iamClient(principal);
  try {
    const current = new Set((await groupPermissions(iam, input.groupName)).attachedPolicies.map((p) => p.policyArn));
    const attached = await attach(
      iam,
      input.groupName,
      input.policyArns.filter((a) => !current.has(a)),
    );
    if (!attached.failed.length) return { attached: attached.done };
    await detach(iam, input.groupName, attached.done);
    throw stepError(attached.failed, "policyArns", (a) => `Couldn't attach ${a}`);
  } catch (err) {
    throw fromSdkError(err);
  }
}

export async function detachGroupPolicies({ principal, input }: Ctx<z.infer<typeof groupPolicyArnsSchema> & { groupName: string }>) {
  const detached = await detach(iamClient(principal), input.groupName, input.policyArns);
  if (detached.failed.length) throw stepError(detached.failed, "policyArns", (a) => `Couldn't detach ${a}`);
  return { detached: detached.done };
}

export async function putGroupPolicy({ principal, input }: Ctx<z.infer<typeof inlinePolicySchema> & { groupName: string }>) {
  await enforceAccessChecks(principal, input.policyDocument, "identity");
  try {
    await iamClient(principal).send(
      new PutGroupPolicyCommand({ GroupName: input.groupName, PolicyName: input.policyName, PolicyDocument: input.policyDocument }),
    );
    return { groupName: input.groupName, policyName: input.policyName };
  } catch (err) {
    throw fromSdkError(err);
  }
}

export async function deleteGroupPolicy({ principal, input }: Ctx<{ groupName: string; policyName: string }>) {
  try {
    await iamClient(principal).send(new DeleteGroupPolicyCommand({ GroupName: input.groupName, PolicyName: input.policyName }));
    return { groupName: input.groupName, policyName: input.policyName };
  } catch (err) {
    throw fromSdkError(err);
  }
}
