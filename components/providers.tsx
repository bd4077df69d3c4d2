"use client";

import { I18nProvider } from "@cloudscape-design/components/i18n";
import enMessages from "@cloudscape-design/components/i18n/messages/all.en";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { SessionProvider } from "@/components/auth/session";
import type { Session } from "next-auth";
import { useState, type ReactNode } from "react";

// Cloudscape's English strings give its controls the names AWS's console uses (navigation toggle, modal close,
// pagination arrows, filters...) wherever a component is not given its own.
const MESSAGES = [enMessages];

/** `session`: the server's session for this request, so the page starts with it (components/auth/session.tsx). */
export function Providers({ children, session }: { children: ReactNode; session: Session | null }) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } } }),
  );
  return (
    <I18nProvider locale="en" messages={MESSAGES}>
      <SessionProvider session={session}>
        <QueryClientProvider client={client}>{children}</QueryClientProvider>
      </SessionProvider>
    </I18nProvider>
  );
}
