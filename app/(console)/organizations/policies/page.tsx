import { PolicyTypesPage } from "@/components/organizations/policy-types-page";

export default function OrganizationPoliciesPage() {
  return <PolicyTypesPage />;
}
