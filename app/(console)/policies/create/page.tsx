import { CreatePolicyWizard } from "@/components/policies/create-policy-wizard";

export default function CreatePolicyPage() {
  return <CreatePolicyWizard />;
}
