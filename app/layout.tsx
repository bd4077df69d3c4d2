import "@cloudscape-design/global-styles/index.css";
import type { Metadata } from "next";
import { getServerSession } from "next-auth";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { authOptions } from "@/lib/server/auth-options";

// Every page renders per request: proxy.ts gives each response a CSP nonce that Next.js puts on its scripts, and a page
// prerendered at build time (the 404 page) would have none.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "IAM | Clef",
  description: "An admin console for AWS Identity and Access Management",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The browser's session starts as the server's: no fetch and no change of it while the page hydrates.
  const session = await getServerSession(authOptions);
  return (
    <html lang="en">
      <body>
        <Providers session={session}>{children}</Providers>
      </body>
    </html>
  );
}
