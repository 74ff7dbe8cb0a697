import * as React from 'react';
import { Badge, Box, Button, Divider, Field, Flex, TextInput, Textarea, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { documentPath, isPublishableModel, useWorkflowStatus, type AuditEntry, type OfferedAction, type VersionDiff, type WorkflowStatus } from './workflow-api';
import { ACTION_LABELS, AUDIT_LABELS, STATE_BADGE, STATE_LABELS } from './labels';

const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

const showTime = (iso: string | null) =>
  iso ? `${new Date(iso).toLocaleString('zh-CN', { hour12: false })} (${TIME_ZONE})` : '—';

/** `<input type="datetime-local">` speaks local wall-clock time; the API speaks UTC instants. */
const toLocalInput = (iso: string | null) => {
  if (!iso) return '';
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : null);

const shortValue = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text === undefined ? '∅' : text.length > 60 ? `${text.slice(0, 60)}…` : text;
};

const errorMessage = (error: unknown) =>
  (error as { response?: { data?: { error?: { message?: string } } } })?.response?.data?.error?.message ?? (error as Error).message;

const StageChain = ({ status }: { status: WorkflowStatus }) => (
  <Flex gap={1} wrap="wrap">
    {status.stages.map((stage, index) => {
      const passed = status.reviewState === 'in_review' ? index < status.stageIndex : ['approved', 'published', 'unpublished'].includes(status.reviewState);
      const current = status.reviewState === 'in_review' && index === status.stageIndex;
      return (
        <Badge key={stage.name + index} backgroundColor={current ? 'primary100' : passed ? 'success100' : 'neutral100'} textColor={current ? 'primary700' : passed ? 'success700' : 'neutral600'}>
          {passed ? '✓ ' : ''}
          {stage.name} · {stage.role}
        </Badge>
      );
    })}
  </Flex>
);

const History = ({ entries }: { entries: AuditEntry[] }) => (
  <Flex direction="column" alignItems="stretch" gap={2}>
    {[...entries].reverse().slice(0, 12).map((entry) => (
      <Box key={entry.id}>
        <Typography variant="pi" fontWeight="bold">
          {AUDIT_LABELS[entry.action] ?? entry.action}
          {entry.stageName ? ` · ${entry.stageName}` : ''}
        </Typography>
        <Typography variant="pi" textColor="neutral600" tag="p">
          {entry.actorName} · {new Date(entry.createdAt).toLocaleString('zh-CN', { hour12: false })}
        </Typography>
        {entry.comment ? (
          <Typography variant="pi" tag="p">
            “{entry.comment}”
          </Typography>
        ) : null}
      </Box>
    ))}
  </Flex>
);

const Diff = ({ diff }: { diff: VersionDiff }) =>
  diff.changes.length === 0 ? (
    <Typography variant="pi" textColor="neutral600">
      与{diff.baseline === 'published' ? '线上版本' : '上次通过版本'}相同 / No changes
    </Typography>
  ) : (
    <Flex direction="column" alignItems="stretch" gap={1}>
      <Typography variant="pi" textColor="neutral600">
        {diff.baseline === 'none' ? '首次送审 / First version' : `对比${diff.baseline === 'approved' ? '上次通过版本' : '线上版本'} / Against the last ${diff.baseline} version`}
      </Typography>
      {diff.changes.slice(0, 15).map((change) => (
        <Typography key={change.path + change.kind} variant="pi" tag="p">
          <b>{change.path}</b>: {change.kind === 'added' ? '' : <del>{shortValue(change.before)}</del>} {change.kind === 'removed' ? '' : `→ ${shortValue(change.after)}`}
        </Typography>
      ))}
    </Flex>
  );

const WorkflowPanelContent = ({ model, documentId, locale, revision }: { model: string; documentId: string; locale?: string; revision: unknown }) => {
  const { get, post, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { status, reload } = useWorkflowStatus(model, documentId, locale, revision);
  const [history, setHistory] = React.useState<AuditEntry[]>([]);
  const [diff, setDiff] = React.useState<VersionDiff | null>(null);
  const [comment, setComment] = React.useState('');
  const [schedule, setSchedule] = React.useState({ publishAt: '', unpublishAt: '' });
  const [busy, setBusy] = React.useState(false);

  React.useEffect(() => {
    if (!status) return;
    setSchedule({ publishAt: toLocalInput(status.publishAt), unpublishAt: toLocalInput(status.unpublishAt) });
    get<{ data: AuditEntry[] }>(documentPath(model, documentId, locale, '/history')).then(({ data }) => setHistory(data.data)).catch(() => setHistory([]));
    get<{ data: VersionDiff }>(documentPath(model, documentId, locale, '/diff')).then(({ data }) => setDiff(data.data)).catch(() => setDiff(null));
  }, [status, model, documentId, locale, get]);

  if (!status) return <Typography variant="pi">…</Typography>;

  const run = async (action: OfferedAction, request: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await request();
      toggleNotification({ type: 'success', message: `${ACTION_LABELS[action as keyof typeof ACTION_LABELS] ?? '定时已保存 Schedule saved'} ✓` });
      setComment('');
      const wasLive = status.isLive;
      reload();
      // A final approval may have released it: the edit view shows the new published state after a reload.
      if (action === 'approve' && !wasLive) window.setTimeout(() => window.location.reload(), 600);
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };
  const can = (action: OfferedAction) => status.actions.includes(action);
  const transition = (action: 'submit' | 'approve' | 'withdrawApproval' | 'requestChanges') => {
    const suffix = { submit: '/submit', approve: '/approve', withdrawApproval: '/withdraw-approval', requestChanges: '/request-changes' }[action];
    return run(action, () => post(documentPath(model, documentId, locale, suffix), { comment: comment || undefined }));
  };

  const badge = STATE_BADGE[status.reviewState];
  const stage = status.stages[status.stageIndex];
  const warnings = status.warnings ?? [];

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Flex gap={2} wrap="wrap">
        <Badge backgroundColor={badge.background} textColor={badge.text}>
          {STATE_LABELS[status.reviewState]}
        </Badge>
        {status.reviewState === 'in_review' && stage ? (
          <Typography variant="pi">
            {stage.name}（{status.stageIndex + 1}/{status.stages.length}）
          </Typography>
        ) : null}
        {status.isLive ? <Badge>线上 Live</Badge> : null}
      </Flex>
      <StageChain status={status} />

      {warnings.length > 0 ? (
        <Box background="warning100" padding={2} hasRadius>
          <Typography variant="pi" fontWeight="bold" textColor="warning700">
            用语提示 Terminology warnings
          </Typography>
          {warnings.map((hit, index) => (
            <Typography key={index} variant="pi" tag="p">
              “{hit.pattern}” → “{hit.suggestion}” ({hit.field})
            </Typography>
          ))}
        </Box>
      ) : null}

      {can('submit') || can('approve') || can('withdrawApproval') || can('requestChanges') ? (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Field.Root name="workflow-comment" hint={can('requestChanges') ? '退回时必填 Required when requesting changes' : undefined}>
            <Field.Label>审核意见 Comment</Field.Label>
            <Textarea value={comment} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setComment(event.target.value)} />
            <Field.Hint />
          </Field.Root>
          {can('submit') ? (
            <Button fullWidth loading={busy} onClick={() => transition('submit')}>
              {ACTION_LABELS.submit}
            </Button>
          ) : null}
          {can('approve') ? (
            <Button fullWidth variant="success" loading={busy} onClick={() => transition('approve')}>
              {ACTION_LABELS.approve}
              {stage ? `（${stage.name}）` : ''}
            </Button>
          ) : null}
          {can('withdrawApproval') ? (
            <Button fullWidth variant="tertiary" loading={busy} onClick={() => transition('withdrawApproval')}>
              {ACTION_LABELS.withdrawApproval}
              {status.stages[status.stageIndex - 1] ? `（${status.stages[status.stageIndex - 1].name}）` : ''}
            </Button>
          ) : null}
          {can('requestChanges') ? (
            <Button fullWidth variant="danger-light" loading={busy} disabled={comment.trim() === ''} onClick={() => transition('requestChanges')}>
              {ACTION_LABELS.requestChanges}
            </Button>
          ) : null}
        </Flex>
      ) : null}

      <Divider />
      <Typography variant="sigma">定时 Schedule</Typography>
      {can('schedule') ? (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Field.Root name="publishAt" hint={TIME_ZONE}>
            <Field.Label>发布时间 Publish at</Field.Label>
            <TextInput type="datetime-local" value={schedule.publishAt} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setSchedule({ ...schedule, publishAt: event.target.value })} />
            <Field.Hint />
          </Field.Root>
          <Field.Root name="unpublishAt" hint={TIME_ZONE}>
            <Field.Label>下线时间 Unpublish at</Field.Label>
            <TextInput type="datetime-local" value={schedule.unpublishAt} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setSchedule({ ...schedule, unpublishAt: event.target.value })} />
            <Field.Hint />
          </Field.Root>
          <Button
            variant="secondary"
            fullWidth
            loading={busy}
            onClick={() =>
              run('schedule', () =>
                put(documentPath(model, documentId, locale, '/schedule'), { publishAt: fromLocalInput(schedule.publishAt), unpublishAt: fromLocalInput(schedule.unpublishAt) })
              )
            }
          >
            保存定时 Save schedule
          </Button>
        </Flex>
      ) : (
        <Box>
          <Typography variant="pi" tag="p">
            发布 Publish: {showTime(status.publishAt)}
          </Typography>
          <Typography variant="pi" tag="p">
            下线 Unpublish: {showTime(status.unpublishAt)}
          </Typography>
        </Box>
      )}

      {diff ? (
        <>
          <Divider />
          <Typography variant="sigma">变更 Changes</Typography>
          <Diff diff={diff} />
        </>
      ) : null}

      <Divider />
      <Typography variant="sigma">审核记录 History</Typography>
      <History entries={history} />
    </Flex>
  );
};

/** The side panel of every publishable type's edit view: state, stage, schedule, diff, history and the allowed transitions. */
export const WorkflowPanel: PanelComponent = ({ model, documentId, document }) => {
  if (!documentId || !isPublishableModel(model)) return null;
  return {
    title: '审核与发布 Review',
    content: <WorkflowPanelContent model={model} documentId={documentId} locale={document?.locale as string | undefined} revision={document?.updatedAt} />,
  };
};
