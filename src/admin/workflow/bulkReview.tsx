import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  Modal,
  Table,
  Tbody,
  Td,
  TextInput,
  Textarea,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { useAuth, useFetchClient, useNotification } from '@strapi/strapi/admin';
import type {
  BulkActionComponent,
  BulkActionComponentProps,
} from '@strapi/content-manager/strapi-admin';
import { instantOfWallClock } from '../../i18n/people-time';
import { usePeopleTimeZone } from './people-time';
import { selectedRows, type SelectedRow } from './selected-rows';
import { isPublishableModel, type BulkOutcome } from './workflow-api';

type BulkKind = 'submit' | 'schedule' | 'approve' | 'request-changes';

const errorMessage = (error: unknown) =>
  (error as { response?: { data?: { error?: { message?: string } } } })?.response?.data?.error
    ?.message ?? (error as Error).message;

/** What each bulk action is called, asks for and who is offered it (the content manager action their role holds). */
const BULK_KINDS: Record<
  BulkKind,
  { label: string; done: string; needs: 'update' | 'publish'; method: 'post' | 'put' }
> = {
  submit: { label: '批量送审', done: '已送审', needs: 'update', method: 'post' },
  schedule: { label: '批量定时', done: '已定时', needs: 'update', method: 'put' },
  approve: { label: '批量通过', done: '已通过', needs: 'publish', method: 'post' },
  'request-changes': { label: '批量退回', done: '已退回', needs: 'publish', method: 'post' },
};

/**
 * One bulk review action's dialog: what it needs (a comment, a time), then the workflow's answer
 * per item, each judged as if done alone; a refused item says why and the others go on.
 */
const BulkReviewDialog = ({
  kind,
  model,
  selected,
  onClose,
}: {
  kind: BulkKind;
  model: string;
  selected: SelectedRow[];
  onClose: () => void;
}) => {
  const fetchClient = useFetchClient();
  const { toggleNotification } = useNotification();
  const timeZone = usePeopleTimeZone();
  const [comment, setComment] = React.useState('');
  const [publishAt, setPublishAt] = React.useState('');
  const [outcomes, setOutcomes] = React.useState<BulkOutcome[] | null>(null);
  const [busy, setBusy] = React.useState(false);
  const titles = new Map(selected.map((item) => [item.documentId, item.title ?? item.documentId]));
  const locale = selected[0]?.locale ?? undefined;
  const needsComment = kind === 'request-changes';
  const ready =
    (!needsComment || comment.trim().length > 0) &&
    (kind !== 'schedule' || instantOfWallClock(publishAt, timeZone) !== null);

  const run = async () => {
    setBusy(true);
    try {
      const body = {
        uid: model,
        documentIds: selected.map(({ documentId }) => documentId),
        ...(locale ? { locale } : {}),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        ...(kind === 'schedule' ? { publishAt: instantOfWallClock(publishAt, timeZone) } : {}),
      };
      const path = `/workflow/bulk/${kind}`;
      const { data } =
        BULK_KINDS[kind].method === 'put'
          ? await fetchClient.put<{ data: BulkOutcome[] }>(path, body)
          : await fetchClient.post<{ data: BulkOutcome[] }>(path, body);
      setOutcomes(data.data);
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  if (outcomes) {
    const done = outcomes.filter((outcome) => outcome.ok).length;
    return (
      <>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={3} data-testid="bulk-review-outcomes">
            <Typography>
              {BULK_KINDS[kind].done} {done} 项，{outcomes.length - done} 项未能
              {BULK_KINDS[kind].label.slice(2)}。
            </Typography>
            <Table colCount={2} rowCount={outcomes.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">标题</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">结果</Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {outcomes.map((outcome) => (
                  <Tr key={outcome.documentId} data-testid="bulk-review-row">
                    <Td>
                      <Typography fontWeight="bold">
                        {titles.get(outcome.documentId) ?? outcome.documentId}
                      </Typography>
                    </Td>
                    <Td>
                      {outcome.ok ? (
                        <Badge backgroundColor="success100" textColor="success700">
                          {BULK_KINDS[kind].done}
                        </Badge>
                      ) : (
                        <Box>
                          <Badge backgroundColor="danger100" textColor="danger700">
                            未能{BULK_KINDS[kind].label.slice(2)}
                          </Badge>
                          <Typography variant="pi" tag="p" textColor="neutral700">
                            {outcome.reason}
                          </Typography>
                        </Box>
                      )}
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <span />
          {/* The list shows the new states on its next read. */}
          <Button onClick={() => window.location.reload()}>完成</Button>
        </Modal.Footer>
      </>
    );
  }

  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={3}>
          <Typography>已选 {selected.length} 项，每项按单独操作的规则审核和记录。</Typography>
          {kind === 'schedule' ? (
            <Field.Root name="bulk-publish-at" required hint={`按 ${timeZone} 时间`}>
              <Field.Label>定时发布时间</Field.Label>
              <TextInput
                type="datetime-local"
                value={publishAt}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                  setPublishAt(event.target.value)
                }
              />
              <Field.Hint />
            </Field.Root>
          ) : null}
          {kind === 'schedule' ? null : (
            <Field.Root
              name="bulk-comment"
              required={needsComment}
              hint={needsComment ? '同一条退回意见发给每一项的作者' : undefined}
            >
              <Field.Label>{needsComment ? '退回意见' : '审核意见（可不填）'}</Field.Label>
              <Textarea
                value={comment}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                  setComment(event.target.value)
                }
              />
              <Field.Hint />
            </Field.Root>
          )}
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Button variant="tertiary" onClick={onClose}>
          取消
        </Button>
        <Button
          disabled={!ready}
          loading={busy}
          onClick={run}
          variant={kind === 'request-changes' ? 'danger-light' : 'default'}
        >
          {BULK_KINDS[kind].label} {selected.length} 项
        </Button>
      </Modal.Footer>
    </>
  );
};

/** A bulk action offered to whoever holds the content manager action it needs on this type. */
const bulkReviewAction = (kind: BulkKind): BulkActionComponent => {
  const BulkReviewAction: BulkActionComponent = ({
    model,
    documents,
  }: BulkActionComponentProps) => {
    const permissions = useAuth('BulkReviewAction', (state) => state.permissions);
    const selected = selectedRows(documents);
    const selection = selected.map(({ documentId }) => documentId).join(',');
    // One component per selection: a new one each render would remount the dialog and lose its input.
    const Content = React.useMemo(
      () =>
        function BulkReviewContent({ onClose }: { onClose: () => void }) {
          return (
            <BulkReviewDialog kind={kind} model={model} selected={selected} onClose={onClose} />
          );
        },
      // `selection` stands for `selected` (a new array each render, the same rows).
      [model, selection],
    );
    const allowed = permissions.some(
      (permission) =>
        permission.action === `plugin::content-manager.explorer.${BULK_KINDS[kind].needs}` &&
        permission.subject === model,
    );
    if (!isPublishableModel(model) || !allowed) return null;
    return {
      label: BULK_KINDS[kind].label,
      variant: kind === 'request-changes' ? 'danger-light' : 'secondary',
      dialog: { type: 'modal', title: BULK_KINDS[kind].label, content: Content },
    };
  };
  return BulkReviewAction;
};

/** 批量送审 and 批量定时 for editors, 批量通过 and 批量退回 for reviewers, on the workflow's bulk API. */
export const BULK_REVIEW_ACTIONS: BulkActionComponent[] = (
  ['submit', 'schedule', 'approve', 'request-changes'] as const
).map(bulkReviewAction);
