"use client";

import Spinner from "@cloudscape-design/components/spinner";
import type { ReactNode } from "react";
import { ApiErrorAlert } from "@/components/common/api-error-alert";
import { useOrganization } from "@/lib/queries/organizations";
import { CreateAccountProgress } from "./create-account-progress";
import { CreateOrganizationPage } from "./create-organization-page";

/** Every Organizations page needs an organization: an account outside one sees "Create an organization" instead. */
export function OrganizationGate({ children }: { children: ReactNode }) {
  const org = useOrganization();
  if (org.isLoading) return <Spinner size="large" />;
  if (org.error) return <ApiErrorAlert error={org.error} testId="organization-error" />;
  if (!org.data?.organization) return <CreateOrganizationPage />;
  return <CreateAccountProgress>{children}</CreateAccountProgress>;
}
