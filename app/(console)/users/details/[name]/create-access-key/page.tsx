import { CreateAccessKey } from "@/components/users/detail/create-access-key";

export default async function CreateAccessKeyPage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  return <CreateAccessKey userName={decodeURIComponent(name)} />;
}
