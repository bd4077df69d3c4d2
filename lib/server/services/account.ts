import "server-only";
import {
  CreateAccountAliasCommand,
  DeleteAccountAliasCommand,
  GetAccountSummaryCommand,
  ListAccountAliasesCommand,
} from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { iamClient, stsClient } from "../aws-clients";
import { fromSdkError } from "../errors";
import type { Principal } from "../principal";
import type { AccountAliasInput } from "@/lib/schemas/account";

export type Account = { accountId: string; accountAlias?: string };

export type AccountSummary = {
  users: number;
  groups: number;
  roles: number;
  policies: number;
  providers: number;
  accountMFAEnabled: boolean;
  accountAccessKeysPresent: boolean;
};

/** The caller's account ID (STS) and its alias (an account has at most one). */
export async function getAccount({ principal }: { principal: Principal }): Promise<Account> {
  try {
    const [identity, aliases] = await Promise.all([
      stsClient(principal).send(new GetCallerIdentityCommand({})),
      iamClient(principal).send(new ListAccountAliasesCommand({})),
    ]);
    return { accountId: identity.Account!, accountAlias: aliases.AccountAliases?.[0] };
  } catch (err) {
    throw fromSdkError(err);
  }
}

export async function getAccountSummary({ principal }: { principal: Principal }): Promise<AccountSummary> {
  try {
    const r = await iamClient(principal).send(new GetAccountSummaryCommand({}));
    const m = r.SummaryMap ?? {};
    return {
      users: m.Users ?? 0,
      groups: m.Groups ?? 0,
      roles: m.Roles ?? 0,
      policies: m.Policies ?? 0,
      providers: m.Providers ?? 0,
      accountMFAEnabled: m.AccountMFAEnabled === 1,
      accountAccessKeysPresent: m.AccountAccessKeysPresent === 1,
    };
  } catch (err) {
    throw fromSdkError(err);
  }
}

/** Creating an alias replaces the account's current one, as in AWS. */
export async function createAccountAlias({ principal, input }: { principal: Principal; input: AccountAliasInput }): Promise<void> {
  try {
    await iamClient(principal).send(new CreateAccountAliasCommand({ AccountAlias: input.accountAlias }));
  } catch (err) {
    throw fromSdkError(err);
  }
}

export async function deleteAccountAlias({ principal, input }: { principal: Principal; input: AccountAliasInput }): Promise<void> {
  try {
    await iamClient(principal).send(new DeleteAccountAliasCommand({ AccountAlias: input.accountAlias }));
  } catch (err) {
    throw fromSdkError(err);
  }
}
