"use client";

import Link from "@cloudscape-design/components/link";
import { useRouter } from "next/navigation";
import type { ParentRef } from "@/lib/queries/organizations";
import { nodeHref } from "./org-labels";

/** A node's parent (root or OU), linked to its page. */
export function ParentLink({ parent }: { parent?: ParentRef }) {
  const router = useRouter();
  if (!parent) return <>-</>;
  const href = nodeHref(parent.id);
  return (
    <Link href={href} onFollow={(e) => (e.preventDefault(), router.push(href))}>
      {parent.name} ({parent.id})
    </Link>
  );
}
