import { AccountsTree } from "@/components/organizations/accounts-tree";

export default function OrganizationAccountsPage() {
  return <AccountsTree />;
}
