"use client";

import type { CSSProperties, ReactNode } from "react";
import { roleColorHex } from "@/lib/switch-role";
import { useSwitchRoleState } from "./switch-role-context";
import styles from "./role-color-frame.module.css";

/** Around the console: while switched to a role with a colour, its display name (the account menu's label) wears it. */
export function RoleColorFrame({ children }: { children: ReactNode }) {
  const color = useSwitchRoleState().active?.color;
  const hex = color ? roleColorHex(color) : undefined;
  if (!hex) return children;
  return (
    <div className={styles.frame} style={{ "--clef-role-color": `#${hex}` } as CSSProperties} data-role-color={color}>
      {children}
    </div>
  );
}
