import * as React from 'react';
import { Button, Field, Flex, Modal, Textarea } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useLocation, useParams } from 'react-router-dom';
import { documentPath, useWorkflowStatus } from './workflow-api';

const errorMessage = (error: unknown) =>
  (error as { response?: { data?: { error?: { message?: string } } } })?.response?.data?.error
    ?.message ?? (error as Error).message;

/**
 * 通过 and 退回 in the admin's preview frame, for the reviewer of the current stage: they read
 * the page as readers will and decide there. The buttons call the workflow's routes with the admin
 * session, as the review panel does; the preview page itself stays script-free, and its link
 * authorises nothing.
 */
export const PreviewReview = () => {
  const { slug: model = '', id: documentId } = useParams();
  const locale =
    new URLSearchParams(useLocation().search).get('plugins[i18n][locale]') ?? undefined;
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { status, reload } = useWorkflowStatus(model, documentId, locale, 'preview');
  const [sendingBack, setSendingBack] = React.useState(false);
  const [comment, setComment] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  if (!status || !documentId) return null;
  const canApprove = status.actions.includes('approve');
  const canSendBack = status.actions.includes('requestChanges');
  if (!canApprove && !canSendBack) return null;

  const decide = async (suffix: '/approve' | '/request-changes', done: string, body: object) => {
    setBusy(true);
    try {
      await post(documentPath(model, documentId, locale, suffix), body);
      toggleNotification({ type: 'success', message: done });
      setSendingBack(false);
      setComment('');
      reload();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex gap={2} data-testid="preview-review">
      {canSendBack ? (
        <Modal.Root open={sendingBack} onOpenChange={setSendingBack}>
          <Modal.Trigger>
            <Button variant="danger-light">退回</Button>
          </Modal.Trigger>
          <Modal.Content>
            <Modal.Header>
              <Modal.Title>退回修改</Modal.Title>
            </Modal.Header>
            <Modal.Body>
              <Field.Root
                name="preview-send-back"
                required
                hint="作者会在审核面板顶部和“我的稿件”里看到这条意见"
              >
                <Field.Label>退回意见</Field.Label>
                <Textarea
                  value={comment}
                  onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                    setComment(event.target.value)
                  }
                />
                <Field.Hint />
              </Field.Root>
            </Modal.Body>
            <Modal.Footer>
              <Modal.Close>
                <Button variant="tertiary">取消</Button>
              </Modal.Close>
              <Button
                variant="danger"
                loading={busy}
                disabled={comment.trim() === ''}
                onClick={() =>
                  decide('/request-changes', '已退回修改 ✓', { comment: comment.trim() })
                }
              >
                确认退回
              </Button>
            </Modal.Footer>
          </Modal.Content>
        </Modal.Root>
      ) : null}
      {canApprove ? (
        <Button
          variant="success"
          loading={busy}
          onClick={() => decide('/approve', '审核通过 ✓', {})}
        >
          通过
        </Button>
      ) : null}
    </Flex>
  );
};
