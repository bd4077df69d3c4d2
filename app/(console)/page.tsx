import { headers } from "next/headers";
import { Dashboard } from "@/components/dashboard/dashboard";
import { serverEnv } from "@/lib/server/env";

export default async function DashboardPage() {
  const h = await headers();
  const proto = h.get("x-forwarded-proto") ?? "http";
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  return <Dashboard consoleOrigin={`${proto}://${host}`} backend={serverEnv().backend} />;
}
