import { z } from "@/lib/zod";
import { tagsSchema } from "./iam";

/** IAM's rules for identity providers (API reference), shared by the "Add provider" form and /api/identity-providers. */
export const providerUrlSchema = z
  .string()
  .min(1, "Enter the provider URL.")
  .max(255, "The provider URL can have up to 255 characters.")
  .regex(/^https:\/\/[^?#\s]+$/i, "Enter a URL that begins with https:// and has no query or fragment.");

export const audienceSchema = z.string().min(1, "Enter an audience.").max(255, "The audience can have up to 255 characters.");

export const thumbprintSchema = z.string().regex(/^[0-9a-fA-F]{40}$/, "A thumbprint is 40 hexadecimal characters.");

export const samlProviderNameSchema = z
  .string()
  .min(1, "Enter a provider name.")
  .max(128, "The provider name can have up to 128 characters.")
  .regex(/^[\w.-]+$/, "Use alphanumeric and '._-' characters.");

export const samlMetadataSchema = z
  .string()
  .min(1000, "The metadata document must have at least 1,000 characters.")
  .max(10_000_000, "The metadata document can have up to 10,000,000 characters.");

export const providerArnSchema = z
  .string()
  .regex(/^arn:aws[a-z-]*:iam::\d{12}:(oidc|saml)-provider\/.+$/, "Enter an identity provider ARN.");

export const createProviderSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("oidc"),
    url: providerUrlSchema,
    audience: audienceSchema,
    thumbprints: z.array(thumbprintSchema).max(5, "You can add up to 5 thumbprints."),
    tags: tagsSchema,
  }),
  z.object({ type: z.literal("saml"), name: samlProviderNameSchema, metadata: samlMetadataSchema, tags: tagsSchema }),
]);
export type CreateProviderInput = z.infer<typeof createProviderSchema>;

export const providerRefSchema = z.object({ arn: providerArnSchema });
export const providerTagsSchema = z.object({ arn: providerArnSchema, tags: tagsSchema });
export const audiencesSchema = z.object({ arn: providerArnSchema, add: audienceSchema.optional(), remove: audienceSchema.optional() });
export const thumbprintsSchema = z.object({
  arn: providerArnSchema,
  thumbprints: z.array(thumbprintSchema).max(5, "You can add up to 5 thumbprints."),
});
export const samlMetadataUpdateSchema = z.object({ arn: providerArnSchema, metadata: samlMetadataSchema });
