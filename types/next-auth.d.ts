import type { Identity } from "@/lib/identity";

declare module "next-auth" {
  interface Session {
    identity?: Identity;
  }
}
