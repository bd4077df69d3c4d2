import { roleColorHex, type RoleColor } from "@/lib/switch-role";

/** A role's display colour as a small square (an outline for None), in menus and the colour choice. */
export function RoleColorSwatch({ color }: { color: RoleColor }) {
  const hex = roleColorHex(color);
  return (
    <svg viewBox="0 0 16 16" focusable="false" aria-hidden="true">
      <rect
        x="2"
        y="2"
        width="12"
        height="12"
        rx="2"
        fill={hex ? `#${hex}` : "none"}
        stroke={hex ? "none" : "currentColor"}
        strokeWidth="1"
      />
    </svg>
  );
}
