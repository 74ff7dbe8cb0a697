import * as React from 'react';
import { Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { STATE_LABELS } from './labels';
import { isPublishableModel, useWorkflowStatus } from './workflow-api';

// The states in which saving a content change throws review progress away: approvals given, or
// an approval pending its time. (A live item's edit goes back to draft too, but loses nothing.)
const RESTARTS_REVIEW = ['in_review', 'approved'];

/** The content manager's save shortcuts (its keyboardShortcuts.ts): Cmd/Ctrl + S and Cmd/Ctrl + Enter. */
const isSaveShortcut = (event: KeyboardEvent) =>
  (event.metaKey || event.ctrlKey) &&
  !event.shiftKey &&
  ['s', 'enter'].includes(event.key.toLowerCase());

/**
 * Wraps the content manager's Save: saving an item that is in review or approved asks first, and
 * says that the change sends it back to draft and restarts the review (the server does so on
 * every path; this is so nobody does it unawares). Its keyboard shortcuts would save without
 * asking: for such an item they are caught first (on the window, in the capture phase, before the
 * content manager's own listener) and say to use the button.
 */
export const confirmedSave = (Update: DocumentActionComponent): DocumentActionComponent => {
  const ConfirmedSave: DocumentActionComponent = (props) => {
    const description = Update(props);
    const { status } = useWorkflowStatus(
      props.model,
      props.documentId,
      props.document?.locale as string | undefined,
      props.document?.updatedAt,
    );
    const { toggleNotification } = useNotification();
    // A locale not saved yet (`document` has no id) has no review of its own to restart.
    const restarts =
      isPublishableModel(props.model) &&
      props.document?.id !== undefined &&
      status !== null &&
      RESTARTS_REVIEW.includes(status.reviewState);
    React.useEffect(() => {
      if (!restarts) return undefined;
      const onKeyDown = (event: KeyboardEvent) => {
        if (!isSaveShortcut(event)) return;
        event.preventDefault();
        event.stopImmediatePropagation();
        toggleNotification({
          type: 'warning',
          message:
            '此内容在审核中或已通过：保存会重新开始审核，请点击“保存”按钮确认 / Saving restarts the review: use the Save button to confirm',
        });
      };
      window.addEventListener('keydown', onKeyDown, true);
      return () => window.removeEventListener('keydown', onKeyDown, true);
    }, [restarts, toggleNotification]);
    if (!description || !restarts || !status) return description;
    // The content manager's Update action reads no event (its handleUpdate takes none), and the
    // dialog's confirm has none to give.
    const onClick = description.onClick;
    const save = onClick as (() => ReturnType<NonNullable<typeof onClick>>) | undefined;
    return {
      ...description,
      // Nothing is saved on the click itself: the dialog's confirm saves.
      onClick: () => false,
      dialog: {
        type: 'dialog',
        title: '保存将重新开始审核 Saving restarts the review',
        content: (
          <Typography>
            此内容当前为“{STATE_LABELS[status.reviewState]}
            ”。保存修改后将退回草稿，需重新提交审核并从第一审开始。
            <br />
            This item is {status.reviewState === 'approved' ? 'approved' : 'in review'}: saving a
            change sends it back to draft, and it must be submitted again from the first stage.
          </Typography>
        ),
        onConfirm: async () => {
          await save?.();
        },
      },
    };
  };
  ConfirmedSave.type = Update.type;
  ConfirmedSave.position = Update.position;
  return ConfirmedSave;
};
