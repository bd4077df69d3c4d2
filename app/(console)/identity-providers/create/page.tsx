import { AddProviderForm } from "@/components/identity-providers/add-provider-form";

export default function AddProviderPage() {
  return <AddProviderForm />;
}
