import "@cloudscape-design/global-styles/index.css";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";

// Every page renders per request: proxy.ts gives each response a CSP nonce that Next.js puts on its scripts, and a page
// prerendered at build time (the 404 page) would have none.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "IAM | Clef",
  description: "An admin console for AWS Identity and Access Management",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
