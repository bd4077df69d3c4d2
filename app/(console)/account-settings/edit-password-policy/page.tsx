import { PasswordPolicyForm } from "@/components/account/password-policy-form";

export default function EditPasswordPolicyPage() {
  return <PasswordPolicyForm />;
}
