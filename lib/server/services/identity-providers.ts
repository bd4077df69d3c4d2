import "server-only";
import type { z } from "zod";
import {
  CreateOpenIDConnectProviderCommand,
  CreateSAMLProviderCommand,
  DeleteOpenIDConnectProviderCommand,
  DeleteSAMLProviderCommand,
  GetOpenIDConnectProviderCommand,
  GetSAMLProviderCommand,
  ListOpenIDConnectProvidersCommand,
  ListRolesCommand,
  ListSAMLProvidersCommand,
  type IAMClient,
} from "@aws-sdk/client-iam";
import { iamClient } from "../aws-clients";
import { fromSdkError } from "../errors";
import type { Principal } from "../principal";
import type { CreateProviderInput, providerRefSchema } from "@/lib/schemas/identity-providers";
import { allPages, MAX_ITEMS, nextMarker } from "./paging";
import { toRoleSummary, type RoleSummary } from "./roles";

export type ProviderType = "OpenID Connect" | "SAML";
export type ProviderTag = { Key: string; Value: string };

/** A row of the Identity providers list: the provider as the console names it (URL host and path, or SAML name). */
export type ProviderSummary = { arn: string; name: string; type: ProviderType; createDate?: string };

export type ProviderDetail = ProviderSummary & {
  tags: ProviderTag[];
  /** OpenID Connect: the audiences (client IDs) and server certificate thumbprints. */
  audiences?: string[];
  thumbprints?: string[];
  /** SAML: the metadata document and when it expires. */
  metadata?: string;
  validUntil?: string;
  uuid?: string;
};

const isOidc = (arn: string) => arn.includes(":oidc-provider/");
const nameOf = (arn: string) => arn.slice(arn.indexOf("-provider/") + "-provider/".length);
const tagsOf = (tags: { Key?: string; Value?: string }[] | undefined) => (tags ?? []).map((t) => ({ Key: t.Key!, Value: t.Value ?? "" }));

async function oidcDetail(iam: IAMClient, arn: string): Promise<ProviderDetail> {
  const p = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
  return {
    arn,
    name: p.Url ?? nameOf(arn),
    type: "OpenID Connect",
    createDate: p.CreateDate?.toISOString(),
    tags: tagsOf(p.Tags),
    audiences: p.ClientIDList ?? [],
    thumbprints: p.ThumbprintList ?? [],
  };
}

async function samlDetail(iam: IAMClient, arn: string): Promise<ProviderDetail> {
  const p = await iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arn }));
  return {
    arn,
    name: nameOf(arn),
    type: "SAML",
    createDate: p.CreateDate?.toISOString(),
    tags: tagsOf(p.Tags),
    metadata: p.SAMLMetadataDocument,
    validUntil: p.ValidUntil?.toISOString(),
    uuid: p.SAMLProviderUUID,
  };
}

/** Both kinds of provider; OIDC creation dates come from GetOpenIDConnectProvider (its list returns ARNs only). */
export async function listProviders({ principal }: { principal: Principal }): Promise<ProviderSummary[]> {
  const iam = iamClient(principal);
  try {
    const [oidc, saml] = await Promise.all([
      iam.send(new ListOpenIDConnectProvidersCommand({})),
      iam.send(new ListSAMLProvidersCommand({})),
    ]);
    const oidcRows = await Promise.all(
      (oidc.OpenIDConnectProviderList ?? []).map(async (p) => {
        const { arn, name, type, createDate } = await oidcDetail(iam, p.Arn!);
        return { arn, name, type, createDate };
      }),
    );
    const samlRows = (saml.SAMLProviderList ?? []).map((p) => ({
      arn: p.Arn!,
      name: nameOf(p.Arn!),
      type: "SAML" as const,
      createDate: p.CreateDate?.toISOString(),
    }));
    return [...oidcRows, ...samlRows].sort((a, b) => a.name.localeCompare(b.name));
  } catch (err) {
    throw fromSdkError(err);
  }
}

export async function getProvider({ principal, input }: { principal: Principal; input: z.infer<typeof providerRefSchema> }) {
  const iam = iamClient(principal);
  try {
    return await (isOidc(input.arn) ? oidcDetail(iam, input.arn) : samlDetail(iam, input.arn));
  } catch (err) {
    throw fromSdkError(err);
  }
}

/** Whether a role's trust policy (URL-encoded, as IAM returns it) names `arn` as a `Federated` principal. */
export function trustsProvider(encodedTrustPolicy: string | undefined, arn: string): boolean {
  if (!encodedTrustPolicy) return false;
  try {
    const doc = JSON.parse(decodeURIComponent(encodedTrustPolicy));
    const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
    return statements.some((s: { Principal?: { Federated?: string | string[] } } | undefined) => {
      const federated = s?.Principal?.Federated;
      return (Array.isArray(federated) ? federated : [federated]).includes(arn);
    });
  } catch {
    return false;
  }
}

/** "Roles that trust this provider": every role of the account (ListRoles to its last page) whose trust policy names it. */
export async function listProviderRoles({
  principal,
  input,
}: {
  principal: Principal;
  input: z.infer<typeof providerRefSchema>;
}): Promise<RoleSummary[]> {
  const iam = iamClient(principal);
  try {
    const roles = await allPages(async (Marker) => {
      const r = await iam.send(new ListRolesCommand({ Marker, MaxItems: MAX_ITEMS }));
      return { items: r.Roles, marker: nextMarker(r) };
    });
    return roles.filter((r) => trustsProvider(r.AssumeRolePolicyDocument, input.arn)).map(toRoleSummary);
  } catch (err) {
    throw fromSdkError(err);
  }
}

export async function createProvider({ principal, input }: { principal: Principal; input: CreateProviderInput }) {
  const iam = iamClient(principal);
  const Tags = input.tags.length ? input.tags : undefined;
  try {
    if (input.type === "oidc") {
      const r = await iam.send(
        new CreateOpenIDConnectProviderCommand({
          Url: input.url,
          ClientIDList: [input.audience],
          ThumbprintList: input.thumbprints.length ? input.thumbprints : undefined,
          Tags,
        }),
      );
      return { arn: r.OpenIDConnectProviderArn! };
    }
    const r = await iam.send(new CreateSAMLProviderCommand({ Name: input.name, SAMLMetadataDocument: input.metadata, Tags }));
    return { arn: r.SAMLProviderArn! };
  } catch (err) {
    throw fromSdkError(err);
  }
}

export async function deleteProvider({ principal, input }: { principal: Principal; input: z.infer<typeof providerRefSchema> }) {
  const iam = iamClient(principal);
  try {
    if (isOidc(input.arn)) await iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: input.arn }));
    else await iam.send(new DeleteSAMLProviderCommand({ SAMLProviderArn: input.arn }));
    return { ok: true };
  } catch (err) {
    throw fromSdkError(err);
  }
}
