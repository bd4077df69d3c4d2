"use client";

import { I18nProvider } from "@cloudscape-design/components/i18n";
import enMessages from "@cloudscape-design/components/i18n/messages/all.en";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { SessionProvider } from "@/components/auth/session";
import { useState, type ReactNode } from "react";

// Cloudscape's English strings give its controls the names AWS's console uses (navigation toggle, modal close,
// pagination arrows, filters...) wherever a component is not given its own.
const MESSAGES = [enMessages];

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } } }),
  );
  return (
    <I18nProvider locale="en" messages={MESSAGES}>
      <SessionProvider>
        <QueryClientProvider client={client}>{children}</QueryClientProvider>
      </SessionProvider>
    </I18nProvider>
  );
}
