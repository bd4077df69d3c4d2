"use client";

import dynamic from "next/dynamic";
import type { TreeItem } from "./tree-items";

// Each modal (and the form validation some carry) loads when its action is first chosen, not with the page.
const CloseAccountModal = dynamic(() => import("./close-account-modal").then((m) => m.CloseAccountModal), { ssr: false });
const CreateOuModal = dynamic(() => import("./create-ou-modal").then((m) => m.CreateOuModal), { ssr: false });
const DeleteOuModal = dynamic(() => import("./delete-ou-modal").then((m) => m.DeleteOuModal), { ssr: false });
const MoveAccountModal = dynamic(() => import("./move-account-modal").then((m) => m.MoveAccountModal), { ssr: false });
const RemoveAccountModal = dynamic(() => import("./remove-account-modal").then((m) => m.RemoveAccountModal), { ssr: false });
const RenameOuModal = dynamic(() => import("./rename-ou-modal").then((m) => m.RenameOuModal), { ssr: false });

type Node = { id: string; name: string };

/** What the AWS accounts page and the node pages can do to a root, OU or account. */
export type NodeAction =
  | { kind: "create-ou"; parent: TreeItem }
  | { kind: "rename-ou" | "delete-ou"; ou: Node }
  | { kind: "move"; account: Node & { parentId: string } }
  | { kind: "remove" | "close"; account: Node };

/** The open action's modal; `onGone` runs when the node no longer exists (deleted, or removed from the organization). */
export function NodeActionModals({ action, onClose, onGone }: { action?: NodeAction; onClose: () => void; onGone?: () => void }) {
  if (!action) return null;
  switch (action.kind) {
    case "create-ou":
      return <CreateOuModal parent={action.parent} onClose={onClose} />;
    case "rename-ou":
      return <RenameOuModal ou={action.ou} onClose={onClose} />;
    case "delete-ou":
      return <DeleteOuModal ou={action.ou} onClose={onClose} onDeleted={onGone} />;
    case "move":
      return <MoveAccountModal account={action.account} onClose={onClose} />;
    case "remove":
      return <RemoveAccountModal account={action.account} onClose={onClose} onRemoved={onGone} />;
    case "close":
      return <CloseAccountModal account={action.account} onClose={onClose} />;
  }
}
