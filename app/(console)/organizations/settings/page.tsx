import { OrganizationSettings } from "@/components/organizations/organization-settings";

export default function OrganizationSettingsPage() {
  return <OrganizationSettings />;
}
