import "server-only";
import type { z } from "zod";
import {
  AddClientIDToOpenIDConnectProviderCommand,
  ListOpenIDConnectProviderTagsCommand,
  ListSAMLProviderTagsCommand,
  RemoveClientIDFromOpenIDConnectProviderCommand,
  TagOpenIDConnectProviderCommand,
  TagSAMLProviderCommand,
  UntagOpenIDConnectProviderCommand,
  UntagSAMLProviderCommand,
  UpdateOpenIDConnectProviderThumbprintCommand,
  UpdateSAMLProviderCommand,
} from "@aws-sdk/client-iam";
import { iamClient } from "../aws-clients";
import { fromSdkError } from "../errors";
import type { Principal } from "../principal";
import type { audiencesSchema, providerTagsSchema, samlMetadataUpdateSchema, thumbprintsSchema } from "@/lib/schemas/identity-providers";

type Input<S extends z.ZodType> = { principal: Principal; input: z.infer<S> };

async function run(principal: Principal, fn: (iam: ReturnType<typeof iamClient>) => Promise<unknown>) {
  try {
    await fn(iamClient(principal));
    return { ok: true };
  } catch (err) {
    throw fromSdkError(err);
  }
}

/** "Manage tags": untag the removed keys, then tag with the new set, for either kind of provider. */
export const updateProviderTags = ({ principal, input }: Input<typeof providerTagsSchema>) =>
  run(principal, async (iam) => {
    const keep = new Set(input.tags.map((t) => t.Key));
    if (input.arn.includes(":oidc-provider/")) {
      const OpenIDConnectProviderArn = input.arn;
      const current = (await iam.send(new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn, MaxItems: 1000 }))).Tags ?? [];
      const TagKeys = current.map((t) => t.Key!).filter((k) => !keep.has(k));
      if (TagKeys.length) await iam.send(new UntagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn, TagKeys }));
      if (input.tags.length) await iam.send(new TagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn, Tags: input.tags }));
      return;
    }
    const SAMLProviderArn = input.arn;
    const current = (await iam.send(new ListSAMLProviderTagsCommand({ SAMLProviderArn, MaxItems: 1000 }))).Tags ?? [];
    const TagKeys = current.map((t) => t.Key!).filter((k) => !keep.has(k));
    if (TagKeys.length) await iam.send(new UntagSAMLProviderCommand({ SAMLProviderArn, TagKeys }));
    if (input.tags.length) await iam.send(new TagSAMLProviderCommand({ SAMLProviderArn, Tags: input.tags }));
  });

export const updateAudiences = ({ principal, input }: Input<typeof audiencesSchema>) =>
  run(principal, async (iam) => {
    const OpenIDConnectProviderArn = input.arn;
    if (input.add) await iam.send(new AddClientIDToOpenIDConnectProviderCommand({ OpenIDConnectProviderArn, ClientID: input.add }));
    if (input.remove)
      await iam.send(new RemoveClientIDFromOpenIDConnectProviderCommand({ OpenIDConnectProviderArn, ClientID: input.remove }));
  });

export const updateThumbprints = ({ principal, input }: Input<typeof thumbprintsSchema>) =>
  run(principal, (iam) =>
    iam.send(new UpdateOpenIDConnectProviderThumbprintCommand({ OpenIDConnectProviderArn: input.arn, ThumbprintList: input.thumbprints })),
  );

export const replaceSamlMetadata = ({ principal, input }: Input<typeof samlMetadataUpdateSchema>) =>
  run(principal, (iam) => iam.send(new UpdateSAMLProviderCommand({ SAMLProviderArn: input.arn, SAMLMetadataDocument: input.metadata })));
