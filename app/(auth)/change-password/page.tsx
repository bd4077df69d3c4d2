import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { currentPrincipal } from "@/lib/server/session";

export const dynamic = "force-dynamic";

/** Outside the console layout: that layout sends a session with a required password reset here. */
export default async function ChangePasswordPage() {
  const principal = await currentPrincipal();
  if (!principal) redirect("/signin?callbackUrl=/change-password");
  if (principal.type !== "user") redirect("/");
  const { credentials: _omit, ...identity } = principal;
  return <ChangePasswordForm identity={identity} />;
}
