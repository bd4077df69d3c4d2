import { SignInForm } from "@/components/auth/signin-form";
import { serverEnv } from "@/lib/server/env";

export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const safe = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  return <SignInForm backend={serverEnv().backend} callbackUrl={safe} />;
}
