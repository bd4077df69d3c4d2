import { InvitationsTable } from "@/components/organizations/invitations-table";

export default function OrganizationInvitationsPage() {
  return <InvitationsTable />;
}
