"use client";

import Box from "@cloudscape-design/components/box";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { ModalFooter } from "@/components/common/modal-footer";
import { dateTime } from "@/lib/format/time";
import type { PolicyVersion } from "@/lib/queries/policies";

/** At IAM's quota of 5 versions, the AWS console offers to delete the oldest non-default version, then save. */
export function VersionLimitModal(props: { oldest: PolicyVersion; busy: boolean; onCancel: () => void; onConfirm: () => void }) {
  return (
    <Modal
      visible
      onDismiss={props.onCancel}
      header="Policy version limit reached"
      footer={
        <ModalFooter onCancel={props.onCancel} onConfirm={props.onConfirm} busy={props.busy} testId="delete-oldest-and-save">
          Delete {props.oldest.versionId} and save
        </ModalFooter>
      }
    >
      <SpaceBetween size="s">
        <Box>A managed policy can have up to 5 versions. To save your changes as a new version, one must be deleted first.</Box>
        <Box>
          The oldest non-default version, <b>{props.oldest.versionId}</b> (created {dateTime(props.oldest.createDate)}), will be deleted.
          This can&apos;t be undone.
        </Box>
      </SpaceBetween>
    </Modal>
  );
}
