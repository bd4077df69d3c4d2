import "server-only";
import {
  CreateAccountCommand,
  DescribeCreateAccountStatusCommand,
  ListCreateAccountStatusCommand,
  type CreateAccountState,
} from "@aws-sdk/client-organizations";
import { allPages, toCreateAccountStatus, withOrganizations, type CreateAccountStatusDto, type Ctx } from "./organizations-shared";

type CreateAccountInput = { accountName: string; email: string; roleName?: string; tags: { Key: string; Value: string }[] };

/** CreateAccount is asynchronous: it answers IN_PROGRESS with a request ID the console then polls. */
export async function createAccount({ principal, input }: Ctx<CreateAccountInput>): Promise<CreateAccountStatusDto> {
  return withOrganizations(principal, async (org) => {
    const r = await org.send(
      new CreateAccountCommand({
        AccountName: input.accountName,
        Email: input.email,
        RoleName: input.roleName || undefined,
        Tags: input.tags.length ? input.tags : undefined,
      }),
    );
    return toCreateAccountStatus(r.CreateAccountStatus!);
  });
}

export async function describeCreateAccountStatus({ principal, input }: Ctx<{ requestId: string }>): Promise<CreateAccountStatusDto> {
  return withOrganizations(principal, async (org) => {
    const r = await org.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: input.requestId }));
    return toCreateAccountStatus(r.CreateAccountStatus!);
  });
}

export async function listCreateAccountStatus({
  principal,
  input,
}: Ctx<{ states?: CreateAccountState[] }>): Promise<CreateAccountStatusDto[]> {
  return withOrganizations(principal, async (org) => {
    const all = await allPages(async (NextToken) => {
      const r = await org.send(new ListCreateAccountStatusCommand({ States: input.states, NextToken }));
      return { items: r.CreateAccountStatuses, next: r.NextToken };
    });
    return all.map(toCreateAccountStatus);
  });
}
