import type { Identity } from "@/lib/identity";
import type { SwitchOutcome } from "@/lib/switch-role";

declare module "next-auth" {
  interface Session {
    identity?: Identity;
    /** The answer to a switch role or switch back update (lib/server/switch-role.ts). */
    switchRole?: SwitchOutcome;
  }
}
