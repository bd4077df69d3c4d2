import { AddAccountPage } from "@/components/organizations/add-account-page";

export default async function AddAccount({ searchParams }: { searchParams: Promise<{ mode?: string }> }) {
  const { mode } = await searchParams;
  return <AddAccountPage initial={mode === "invite" ? "invite" : "create"} />;
}
