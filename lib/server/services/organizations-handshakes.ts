import "server-only";
import {
  CancelHandshakeCommand,
  InviteAccountToOrganizationCommand,
  ListHandshakesForOrganizationCommand,
} from "@aws-sdk/client-organizations";
import { allPages, toHandshake, withOrganizations, type Ctx, type HandshakeDto } from "./organizations-shared";

type InviteInput = { target: string; notes?: string; tags: { Key: string; Value: string }[] };

/** An invitation names the account by its 12-digit ID or by its root user's email, as AWS's console accepts either. */
export async function inviteAccount({ principal, input }: Ctx<InviteInput>): Promise<HandshakeDto> {
  return withOrganizations(principal, async (org) => {
    const r = await org.send(
      new InviteAccountToOrganizationCommand({
        Target: { Id: input.target, Type: /^\d{12}$/.test(input.target) ? "ACCOUNT" : "EMAIL" },
        Notes: input.notes || undefined,
        Tags: input.tags.length ? input.tags : undefined,
      }),
    );
    return toHandshake(r.Handshake!);
  });
}

export async function listHandshakes({ principal }: Ctx<unknown>): Promise<HandshakeDto[]> {
  return withOrganizations(principal, async (org) => {
    const all = await allPages(async (NextToken) => {
      const r = await org.send(new ListHandshakesForOrganizationCommand({ NextToken }));
      return { items: r.Handshakes, next: r.NextToken };
    });
    return all.map(toHandshake);
  });
}

export async function cancelHandshake({ principal, input }: Ctx<{ handshakeId: string }>): Promise<HandshakeDto> {
  return withOrganizations(principal, async (org) => {
    const r = await org.send(new CancelHandshakeCommand({ HandshakeId: input.handshakeId }));
    return toHandshake(r.Handshake!);
  });
}
