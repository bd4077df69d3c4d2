"use client";

import { CloseAccountModal } from "./close-account-modal";
import { CreateOuModal } from "./create-ou-modal";
import { DeleteOuModal } from "./delete-ou-modal";
import { MoveAccountModal } from "./move-account-modal";
import { RemoveAccountModal } from "./remove-account-modal";
import { RenameOuModal } from "./rename-ou-modal";
import type { TreeItem } from "./tree-items";

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
