import "server-only";
import {
  CloseAccountCommand,
  DescribeAccountCommand,
  MoveAccountCommand,
  RemoveAccountFromOrganizationCommand,
} from "@aws-sdk/client-organizations";
import { toAccount, withOrganizations, type Ctx, type OrgAccountDto, type ParentRef } from "./organizations-shared";
import { ancestorsOf } from "./organizations-tree";

/** A member account with the roots and OUs above it (the last is its parent). */
export async function describeAccount({
  principal,
  input,
}: Ctx<{ accountId: string }>): Promise<OrgAccountDto & { ancestors: ParentRef[] }> {
  return withOrganizations(principal, async (org) => {
    const [{ Account }, ancestors] = await Promise.all([
      org.send(new DescribeAccountCommand({ AccountId: input.accountId })),
      ancestorsOf(org, input.accountId),
    ]);
    return { ...toAccount(Account!), ancestors };
  });
}

export async function moveAccount({
  principal,
  input,
}: Ctx<{ accountId: string; sourceParentId: string; destinationParentId: string }>): Promise<{ ok: true }> {
  return withOrganizations(principal, async (org) => {
    await org.send(
      new MoveAccountCommand({
        AccountId: input.accountId,
        SourceParentId: input.sourceParentId,
        DestinationParentId: input.destinationParentId,
      }),
    );
    return { ok: true as const };
  });
}

export async function removeAccountFromOrganization({ principal, input }: Ctx<{ accountId: string }>): Promise<{ ok: true }> {
  return withOrganizations(principal, async (org) => {
    await org.send(new RemoveAccountFromOrganizationCommand({ AccountId: input.accountId }));
    return { ok: true as const };
  });
}

export async function closeAccount({ principal, input }: Ctx<{ accountId: string }>): Promise<{ ok: true }> {
  return withOrganizations(principal, async (org) => {
    await org.send(new CloseAccountCommand({ AccountId: input.accountId }));
    return { ok: true as const };
  });
}
