import { AccountDetail } from "@/components/organizations/account-detail";

export default async function OrganizationAccountPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  return <AccountDetail accountId={accountId} />;
}
