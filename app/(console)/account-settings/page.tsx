import { AccountSettings } from "@/components/account/account-settings";

export default function AccountSettingsPage() {
  return <AccountSettings />;
}
