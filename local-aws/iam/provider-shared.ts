import type { Ctx } from "../context";
import { listTags, type Tag, type TaggedType } from "./shared";

/** The account and name (an OIDC provider's host and path, a SAML provider's name) of an identity provider's ARN. */
export function providerArnParts(arn: string, kind: "oidc-provider" | "saml-provider"): { account: string; name: string } | undefined {
  const m = new RegExp(`^arn:aws:iam::(\\d{12}):${kind}/(.+)$`).exec(arn);
  return m ? { account: m[1], name: m[2] } : undefined;
}

/** Identity providers' tags come back sorted by key, as AWS documents for ListOpenIDConnectProviderTags and ListSAMLProviderTags. */
export const sortedTags = (ctx: Ctx, type: TaggedType, arn: string): Tag[] =>
  listTags(ctx, type, arn).sort((a, b) => (a.Key < b.Key ? -1 : a.Key > b.Key ? 1 : 0));
