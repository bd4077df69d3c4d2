import type { ReactNode } from "react";
import { OrganizationGate } from "@/components/organizations/organization-gate";

export default function OrganizationsLayout({ children }: { children: ReactNode }) {
  return <OrganizationGate>{children}</OrganizationGate>;
}
