import { ProvidersTable } from "@/components/identity-providers/providers-table";

export default function IdentityProvidersPage() {
  return <ProvidersTable />;
}
