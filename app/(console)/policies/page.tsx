import { PoliciesTable } from "@/components/policies/policies-table";

export default function PoliciesPage() {
  return <PoliciesTable />;
}
