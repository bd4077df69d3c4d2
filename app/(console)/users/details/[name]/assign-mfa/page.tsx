import { AssignMfaDevice } from "@/components/users/detail/assign-mfa-device";

export default async function AssignMfaPage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  return <AssignMfaDevice userName={decodeURIComponent(name)} />;
}
