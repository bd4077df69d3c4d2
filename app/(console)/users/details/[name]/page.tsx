import { UserDetailPage } from "@/components/users/detail/user-detail";

export default async function UserPage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  return <UserDetailPage userName={decodeURIComponent(name)} />;
}
