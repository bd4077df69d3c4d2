"use client";

import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import Form from "@cloudscape-design/components/form";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Textarea from "@cloudscape-design/components/textarea";
import Tiles from "@cloudscape-design/components/tiles";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { useDeferredModule } from "@/components/common/use-deferred-module";
import { TagsEditor, type TagDraft } from "@/components/common/tags-editor";
import { useBreadcrumbs, useNotify } from "@/components/shell/shell-context";
import { useCreateProvider } from "@/lib/queries/identity-providers";
import type { CreateProviderInput } from "@/lib/schemas/identity-providers";
import { providerHref } from "./provider-href";

// The validation (zod) is fetched after the page: nothing is checked before the user acts.
const loadSchemas = () => import("@/lib/schemas/identity-providers");

type Draft = { type: "oidc" | "saml"; url: string; audience: string; thumbprint: string; name: string; metadata: string };

function toInput(d: Draft, tags: TagDraft[]): CreateProviderInput {
  const kept = tags.filter((t) => t.Key || t.Value);
  if (d.type === "oidc") {
    const thumbprints = d.thumbprint.trim() ? [d.thumbprint.trim()] : [];
    return { type: "oidc", url: d.url.trim(), audience: d.audience.trim(), thumbprints, tags: kept };
  }
  return { type: "saml", name: d.name.trim(), metadata: d.metadata, tags: kept };
}

/**
 * "Add an Identity provider". AWS's console fetches the OIDC server's certificate and shows its thumbprint; local-aws
 * has no internet to reach, so the thumbprint is a field (optional: IAM then relies on its trusted root CAs).
 */
export function AddProviderForm() {
  useBreadcrumbs([{ text: "Identity providers", href: "/identity-providers" }, { text: "Add provider" }]);
  const router = useRouter();
  const notify = useNotify();
  const create = useCreateProvider();
  const [draft, setDraft] = useState<Draft>({ type: "oidc", url: "", audience: "", thumbprint: "", name: "", metadata: "" });
  const [tags, setTags] = useState<TagDraft[]>([]);
  const [attempted, setAttempted] = useState(false);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const schemas = useDeferredModule(loadSchemas);
  const parsed = schemas?.createProviderSchema.safeParse(toInput(draft, tags));
  const error = (path: string) =>
    attempted && parsed && !parsed.success ? parsed.error.issues.find((i) => i.path.join(".").startsWith(path))?.message : undefined;

  const submit = async () => {
    setAttempted(true);
    const checked = (await loadSchemas()).createProviderSchema.safeParse(toInput(draft, tags));
    if (!checked.success) return;
    create.mutate(checked.data, {
      onSuccess: ({ arn }) => {
        notify({ type: "success", content: `Provider ${arn.slice(arn.indexOf("-provider/") + 10)} added.` });
        router.push(providerHref(arn));
      },
    });
  };
  const upload = async (file: File | undefined) => file && set({ metadata: await file.text() });

  return (
    <form onSubmit={(e) => (e.preventDefault(), submit())}>
      <Form
        header={<Header variant="h1">Add an Identity provider</Header>}
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" formAction="none" onClick={() => router.push("/identity-providers")}>
              Cancel
            </Button>
            <Button variant="primary" loading={create.isPending} data-testid="add-provider-submit">
              Add provider
            </Button>
          </SpaceBetween>
        }
        errorText={create.error ? <ApiErrorAlert error={create.error} testId="add-provider-error" /> : undefined}
      >
        <SpaceBetween size="l">
          <Container header={<Header variant="h2">Configure provider</Header>}>
            <SpaceBetween size="l">
              <FormField label="Provider type">
                <Tiles
                  value={draft.type}
                  onChange={(e) => set({ type: e.detail.value as Draft["type"] })}
                  items={[
                    {
                      value: "saml",
                      label: "SAML",
                      description: "Establish trust between your AWS account and a SAML 2.0 compatible Identity Provider.",
                    },
                    {
                      value: "oidc",
                      label: "OpenID Connect",
                      description: "Establish trust between your AWS account and Identity Provider services.",
                    },
                  ]}
                />
              </FormField>
              {draft.type === "oidc" ? (
                // A fragment would be one child of the SpaceBetween above, its fields packed together.
                <SpaceBetween size="l">
                  <FormField
                    label="Provider URL"
                    description="Specify the secure OpenID Connect URL for authentication requests."
                    errorText={error("url")}
                  >
                    <Input
                      value={draft.url}
                      placeholder="https://example.com"
                      data-testid="provider-url"
                      onChange={(e) => set({ url: e.detail.value })}
                    />
                  </FormField>
                  <FormField
                    label="Audience"
                    description="Specify the client ID issued by the Identity provider for your app."
                    errorText={error("audience")}
                  >
                    <Input value={draft.audience} data-testid="provider-audience" onChange={(e) => set({ audience: e.detail.value })} />
                  </FormField>
                  <FormField
                    label="Thumbprint - optional"
                    description="The hex-encoded SHA-1 fingerprint of the provider's top intermediate CA certificate. AWS's console obtains it; here it is entered, or left empty for IAM to rely on its trusted root certificate authorities."
                    errorText={error("thumbprints")}
                  >
                    <Input
                      value={draft.thumbprint}
                      data-testid="provider-thumbprint"
                      onChange={(e) => set({ thumbprint: e.detail.value })}
                    />
                  </FormField>
                </SpaceBetween>
              ) : (
                <SpaceBetween size="l">
                  <FormField
                    label="Provider name"
                    constraintText="Maximum 128 characters. Use alphanumeric or '._-' characters."
                    errorText={error("name")}
                  >
                    <Input value={draft.name} data-testid="provider-name" onChange={(e) => set({ name: e.detail.value })} />
                  </FormField>
                  <FormField
                    label="Metadata document"
                    description="Choose your identity provider's SAML metadata file, or paste it."
                    errorText={error("metadata")}
                  >
                    <SpaceBetween size="xs">
                      <input
                        type="file"
                        accept=".xml,text/xml,application/xml"
                        aria-label="Metadata document file"
                        onChange={(e) => void upload(e.target.files?.[0])}
                      />
                      <Textarea
                        value={draft.metadata}
                        rows={8}
                        data-testid="provider-metadata"
                        ariaLabel="Metadata document"
                        onChange={(e) => set({ metadata: e.detail.value })}
                      />
                    </SpaceBetween>
                  </FormField>
                </SpaceBetween>
              )}
            </SpaceBetween>
          </Container>
          <Container
            header={
              <Header variant="h2" description="Tags are key-value pairs that you can add to AWS resources.">
                Add tags - optional
              </Header>
            }
          >
            <TagsEditor tags={tags} onChange={setTags} />
          </Container>
        </SpaceBetween>
      </Form>
    </form>
  );
}
