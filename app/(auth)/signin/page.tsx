import { SignInForm } from "@/components/auth/signin-form";
import { sameOriginPath } from "@/lib/same-origin-path";
import { serverEnv } from "@/lib/server/env";

export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const { callbackUrl } = await searchParams;
  const env = serverEnv();
  return <SignInForm backend={env.backend} callbackUrl={sameOriginPath(callbackUrl, env.consoleOrigin)} />;
}
