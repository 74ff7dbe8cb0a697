import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Divider,
  Field,
  Flex,
  TextInput,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { useFetchClient, useForm, useNotification } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { TerminologyHits } from './TerminologyHits';
import {
  documentPath,
  isPublishableModel,
  useEditedLocale,
  useWorkflowStatus,
  type AuditEntry,
  type DiffBaseline,
  type OfferedAction,
  type ReadableChange,
  type VersionDiff,
  type WorkflowStatus,
} from './workflow-api';
import { ACTION_LABELS, AUDIT_LABELS, STATE_BADGE, STATE_LABELS } from './labels';
import { instantOfWallClock, wallClockInput } from '../../i18n/people-time';
import { roleLabel } from '../../i18n/role-labels';
import { PeopleTime, usePeopleTimeZone } from './people-time';

/** `<input type="datetime-local">` speaks wall-clock time, here in the configured zone (not the browser's); the API speaks UTC instants. */
const toLocalInput = (iso: string | null, timeZone: string) => wallClockInput(iso, timeZone);
const fromLocalInput = (value: string, timeZone: string) =>
  value ? instantOfWallClock(value, timeZone) : null;

const errorMessage = (error: unknown) =>
  (error as { response?: { data?: { error?: { message?: string } } } })?.response?.data?.error
    ?.message ?? (error as Error).message;

const StageChain = ({ status }: { status: WorkflowStatus }) => (
  <Flex gap={1} wrap="wrap">
    {status.stages.map((stage, index) => {
      const passed =
        status.reviewState === 'in_review'
          ? index < status.stageIndex
          : ['approved', 'published', 'unpublished'].includes(status.reviewState);
      const current = status.reviewState === 'in_review' && index === status.stageIndex;
      return (
        <Badge
          key={stage.name + index}
          backgroundColor={current ? 'primary100' : passed ? 'success100' : 'neutral100'}
          textColor={current ? 'primary700' : passed ? 'success700' : 'neutral600'}
        >
          {passed ? '✓ ' : ''}
          {stage.name} · {roleLabel(stage.role)}
        </Badge>
      );
    })}
  </Flex>
);

// The actions a reader of this state would look for, and miss when they are not offered.
const EXPECTED_ACTIONS: Record<string, OfferedAction[]> = {
  draft: ['submit'],
  changes_requested: ['submit'],
  in_review: ['approve', 'requestChanges'],
  approved: ['publish'],
};
const WHY_NOT_LABELS: Partial<Record<OfferedAction, string>> = {
  submit: '不能送审',
  approve: '不能通过',
  requestChanges: '不能退回',
  publish: '不能发布',
};

/** Every action this state would offer but the caller is not offered, with the server's reason. */
const WhyNot = ({ status }: { status: WorkflowStatus }) => {
  const missing = (EXPECTED_ACTIONS[status.reviewState] ?? []).filter(
    (action) => !status.actions.includes(action) && status.whyNot[action],
  );
  if (missing.length === 0) return null;
  return (
    <Box data-testid="why-not">
      {missing.map((action) => (
        <Typography key={action} variant="pi" tag="p" textColor="neutral600">
          {WHY_NOT_LABELS[action]}：{status.whyNot[action]}
        </Typography>
      ))}
    </Box>
  );
};

/** Why it was sent back, first thing in the panel: the reviewer's comment, who, at which stage, when. */
const SentBack = ({ status, history }: { status: WorkflowStatus; history: AuditEntry[] }) => {
  if (status.reviewState !== 'changes_requested') return null;
  const sentBack = [...history].reverse().find((entry) => entry.action === 'request_changes');
  if (!sentBack) return null;
  return (
    <Box background="danger100" padding={3} hasRadius data-testid="sent-back-reason">
      <Typography variant="pi" fontWeight="bold" tag="p" textColor="danger700">
        退回原因 Sent back{sentBack.stageName ? `（${sentBack.stageName}）` : ''}
      </Typography>
      <Typography tag="p">“{sentBack.comment ?? ''}”</Typography>
      <Typography variant="pi" textColor="neutral600" tag="p">
        {sentBack.actorName} · <PeopleTime at={sentBack.createdAt} />
      </Typography>
    </Box>
  );
};

const History = ({ entries }: { entries: AuditEntry[] }) => (
  <Flex direction="column" alignItems="stretch" gap={2}>
    {[...entries]
      .reverse()
      .slice(0, 12)
      .map((entry) => (
        <Box key={entry.id}>
          <Typography variant="pi" fontWeight="bold">
            {AUDIT_LABELS[entry.action] ?? entry.action}
            {entry.stageName ? ` · ${entry.stageName}` : ''}
          </Typography>
          <Typography variant="pi" textColor="neutral600" tag="p">
            {entry.actorName} · <PeopleTime at={entry.createdAt} />
          </Typography>
          {entry.comment ? (
            <Typography variant="pi" tag="p">
              “{entry.comment}”
            </Typography>
          ) : null}
          {sharedFromOf(entry) ? (
            <Typography variant="pi" tag="p" textColor="neutral600">
              在 {sharedFromOf(entry)} 版本中修改了各语言共用的字段 Shared field changed in{' '}
              {sharedFromOf(entry)}
            </Typography>
          ) : null}
        </Box>
      ))}
  </Flex>
);

/** The locale whose edit of a field every locale shares (media, slug) changed this one's draft, if that is what an entry records. */
const sharedFromOf = (entry: AuditEntry): string | null =>
  entry.action === 'edited' && typeof entry.details?.sharedFrom === 'string'
    ? entry.details.sharedFrom
    : null;

/**
 * Media and other fields every locale shares: an edit in one locale changed this draft too and
 * sent it back to draft. Said at the top of this locale's panel until it is submitted again.
 */
const SharedEditRestart = ({
  status,
  history,
}: {
  status: WorkflowStatus;
  history: AuditEntry[];
}) => {
  const last = history[history.length - 1];
  const from = last ? sharedFromOf(last) : null;
  if (!from || status.reviewState !== 'draft') return null;
  return (
    <Box background="warning100" padding={2} hasRadius data-testid="shared-edit-restart">
      <Typography variant="pi" tag="p">
        审核已重新开始：{from} 版本修改了各语言共用的字段（如封面图），本语言版本需重新送审。
      </Typography>
      <Typography variant="pi" tag="p" textColor="neutral600">
        The review restarted: a field every locale shares (such as the cover) was changed in {from};
        submit this locale again.
      </Typography>
    </Box>
  );
};

const BASELINE_LABELS: Record<DiffBaseline, string> = {
  submitted: '上次送审版本',
  approved: '上次通过版本',
  published: '线上版本',
  none: '完整内容',
};

const ChangedText = ({ change }: { change: ReadableChange }) => (
  <Typography variant="pi" tag="p" style={{ whiteSpace: 'pre-wrap' }}>
    {change.text.map((run, index) =>
      run.op === 'insert' ? (
        <ins key={index} style={{ background: '#d9f2e1', textDecoration: 'none' }}>
          {run.text}
        </ins>
      ) : run.op === 'delete' ? (
        <del key={index} style={{ background: '#fbe1e1' }}>
          {run.text}
        </del>
      ) : (
        <span key={index}>
          {run.text.length > 120 ? `${run.text.slice(0, 50)} … ${run.text.slice(-50)}` : run.text}
        </span>
      ),
    )}
  </Typography>
);

/** The draft against a baseline the reviewer picks (by default the version they last saw), in words. */
const Diff = ({
  diff,
  onBaseline,
}: {
  diff: VersionDiff;
  onBaseline: (baseline: DiffBaseline) => void;
}) => (
  <Flex direction="column" alignItems="stretch" gap={2} data-testid="version-diff">
    <Flex gap={1} wrap="wrap">
      {diff.available.map((baseline) => (
        <Button
          key={baseline}
          size="S"
          variant={baseline === diff.baseline ? 'secondary' : 'tertiary'}
          onClick={() => onBaseline(baseline)}
        >
          对比{BASELINE_LABELS[baseline]}
        </Button>
      ))}
    </Flex>
    {diff.readable.length === 0 ? (
      <Typography variant="pi" textColor="neutral600">
        与{BASELINE_LABELS[diff.baseline]}相同 / No changes
      </Typography>
    ) : (
      diff.readable.map((change) => (
        <Box key={change.field}>
          <Typography variant="pi" fontWeight="bold">
            {change.label}
            {diff.baseline === 'none'
              ? ''
              : change.kind === 'added'
                ? '（新增）'
                : change.kind === 'removed'
                  ? '（删除）'
                  : ''}
          </Typography>
          <ChangedText change={change} />
          {change.media ? (
            <Flex gap={1}>
              {change.media.before.map((file) => (
                <img
                  key={`before-${file.documentId}`}
                  src={file.thumbnailUrl ?? ''}
                  alt={file.name}
                  height={40}
                  style={{ opacity: 0.5, outline: '2px solid #d02b20' }}
                />
              ))}
              {change.media.after.map((file) => (
                <img
                  key={`after-${file.documentId}`}
                  src={file.thumbnailUrl ?? ''}
                  alt={file.name}
                  height={40}
                  style={{ outline: '2px solid #328048' }}
                />
              ))}
            </Flex>
          ) : null}
        </Box>
      ))
    )}
  </Flex>
);

const WorkflowPanelContent = ({
  model,
  documentId,
  locale,
  revision,
}: {
  model: string;
  documentId: string;
  locale?: string;
  revision: unknown;
}) => {
  const { get, post, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { status, reload } = useWorkflowStatus(model, documentId, locale, revision);
  const timeZone = usePeopleTimeZone();
  const [history, setHistory] = React.useState<AuditEntry[]>([]);
  const [diff, setDiff] = React.useState<VersionDiff | null>(null);
  const [baseline, setBaseline] = React.useState<DiffBaseline | null>(null);
  const [comment, setComment] = React.useState('');
  const [schedule, setSchedule] = React.useState({ publishAt: '', unpublishAt: '' });
  const [busy, setBusy] = React.useState(false);
  // Submit sends the saved version: with unsaved edits in the form it would not be what is on screen.
  const unsaved = useForm('WorkflowPanel', (form) => form.modified, false) === true;
  // The server refuses a submit with blocking wording; the terminology box above says where it is.
  const blockedWording = status?.terminology.some((hit) => hit.severity === 'block') === true;

  React.useEffect(() => {
    if (!status) return;
    setSchedule({
      publishAt: toLocalInput(status.publishAt, timeZone),
      unpublishAt: toLocalInput(status.unpublishAt, timeZone),
    });
    get<{ data: AuditEntry[] }>(documentPath(model, documentId, locale, '/history'))
      .then(({ data }) => setHistory(data.data))
      .catch(() => setHistory([]));
  }, [status, model, documentId, locale, get, timeZone]);

  // A reviewer's first read of an item at their stage shows the whole text; the diff is one click away.
  const firstRead = React.useRef(false);
  if (status?.firstRead) firstRead.current = true;
  const shownBaseline = baseline ?? (firstRead.current ? 'none' : null);

  React.useEffect(() => {
    if (!status) return;
    let current = true;
    get<{ data: VersionDiff }>(
      documentPath(
        model,
        documentId,
        locale,
        '/diff',
        shownBaseline ? { against: shownBaseline } : {},
      ),
    )
      .then(({ data }) => {
        if (current) setDiff(data.data);
      })
      .catch(() => {
        if (current) setDiff(null);
      });
    return () => {
      current = false;
    };
  }, [status, shownBaseline, model, documentId, locale, get]);

  if (!status) return <Typography variant="pi">…</Typography>;

  const run = async (action: OfferedAction, request: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await request();
      toggleNotification({
        type: 'success',
        message: `${ACTION_LABELS[action as keyof typeof ACTION_LABELS] ?? '定时已保存 Schedule saved'} ✓`,
      });
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
    const suffix = {
      submit: '/submit',
      approve: '/approve',
      withdrawApproval: '/withdraw-approval',
      requestChanges: '/request-changes',
    }[action];
    return run(action, () =>
      post(documentPath(model, documentId, locale, suffix), { comment: comment || undefined }),
    );
  };

  const badge = STATE_BADGE[status.reviewState];
  const stage = status.stages[status.stageIndex];

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
      <SentBack status={status} history={history} />
      <StageChain status={status} />
      <SharedEditRestart status={status} history={history} />

      <TerminologyHits hits={status.terminology} model={model} />
      <WhyNot status={status} />

      {can('submit') || can('approve') || can('withdrawApproval') || can('requestChanges') ? (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Field.Root
            name="workflow-comment"
            hint={can('requestChanges') ? '退回时必填 Required when requesting changes' : undefined}
          >
            <Field.Label>审核意见 Comment</Field.Label>
            <Textarea
              value={comment}
              onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                setComment(event.target.value)
              }
            />
            <Field.Hint />
          </Field.Root>
          {can('submit') ? (
            <Button
              fullWidth
              loading={busy}
              disabled={unsaved || blockedWording}
              onClick={() => transition('submit')}
            >
              {ACTION_LABELS.submit}
            </Button>
          ) : null}
          {can('submit') && unsaved ? (
            <Typography variant="pi" textColor="danger600" data-testid="unsaved-hint">
              有未保存的修改，请先保存再送审 / Save your changes first: submit sends the saved
              version
            </Typography>
          ) : null}
          {can('approve') ? (
            <Button
              fullWidth
              variant="success"
              loading={busy}
              onClick={() => transition('approve')}
            >
              {ACTION_LABELS.approve}
              {stage ? `（${stage.name}）` : ''}
            </Button>
          ) : null}
          {can('withdrawApproval') ? (
            <Button
              fullWidth
              variant="tertiary"
              loading={busy}
              onClick={() => transition('withdrawApproval')}
            >
              {ACTION_LABELS.withdrawApproval}
              {status.stages[status.stageIndex - 1]
                ? `（${status.stages[status.stageIndex - 1].name}）`
                : ''}
            </Button>
          ) : null}
          {can('requestChanges') ? (
            <Button
              fullWidth
              variant="danger-light"
              loading={busy}
              disabled={comment.trim() === ''}
              onClick={() => transition('requestChanges')}
            >
              {ACTION_LABELS.requestChanges}
            </Button>
          ) : null}
        </Flex>
      ) : null}

      <Divider />
      <Typography variant="sigma">定时 Schedule</Typography>
      {can('schedule') ? (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Field.Root name="publishAt" hint={`时区 Time zone: ${timeZone}`}>
            <Field.Label>发布时间 Publish at</Field.Label>
            <TextInput
              type="datetime-local"
              value={schedule.publishAt}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                setSchedule({ ...schedule, publishAt: event.target.value })
              }
            />
            <Field.Hint />
          </Field.Root>
          <Field.Root name="unpublishAt" hint={`时区 Time zone: ${timeZone}`}>
            <Field.Label>下线时间 Unpublish at</Field.Label>
            <TextInput
              type="datetime-local"
              value={schedule.unpublishAt}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                setSchedule({ ...schedule, unpublishAt: event.target.value })
              }
            />
            <Field.Hint />
          </Field.Root>
          <Button
            variant="secondary"
            fullWidth
            loading={busy}
            onClick={() =>
              run('schedule', () =>
                put(documentPath(model, documentId, locale, '/schedule'), {
                  publishAt: fromLocalInput(schedule.publishAt, timeZone),
                  unpublishAt: fromLocalInput(schedule.unpublishAt, timeZone),
                }),
              )
            }
          >
            保存定时 Save schedule
          </Button>
        </Flex>
      ) : (
        <Box>
          <Typography variant="pi" tag="p">
            发布 Publish: <PeopleTime at={status.publishAt} />
          </Typography>
          <Typography variant="pi" tag="p">
            下线 Unpublish: <PeopleTime at={status.unpublishAt} />
          </Typography>
        </Box>
      )}

      {diff ? (
        <>
          <Divider />
          <Typography variant="sigma">
            {diff.baseline === 'none' ? '全文 Full text' : '变更 Changes'}
          </Typography>
          {firstRead.current && diff.baseline === 'none' ? (
            <Typography variant="pi" tag="p" textColor="neutral600" data-testid="first-read">
              {diff.available.length > 1
                ? '首次审阅本稿：先通读全文；点“对比…”按钮即看变更'
                : '首次审阅本稿：这是新稿件，请通读全文'}
            </Typography>
          ) : null}
          <Diff diff={diff} onBaseline={setBaseline} />
        </>
      ) : null}

      <Divider />
      <Typography variant="sigma">审核记录 History</Typography>
      <History entries={history} />
    </Flex>
  );
};

/**
 * A locale of the document not saved yet: it has no review of its own until it is. Its form
 * starts from the saved locale's text and media (Strapi's "fill in from another locale", done at
 * once); its slug and channels start as a new item's (src/i18n/translation-prefill.ts).
 */
const UnsavedLocale = ({
  model,
  collectionType,
  documentId,
  sourceLocale,
  locale,
}: {
  model: string;
  collectionType: string;
  documentId: string;
  sourceLocale?: string;
  locale?: string;
}) => {
  const { get } = useFetchClient();
  const setValues = useForm('PrefillLocale', (form) => form.setValues);
  const [prefilled, setPrefilled] = React.useState<'pending' | 'done' | 'failed'>('pending');
  const asked = React.useRef<string | null>(null);

  React.useEffect(() => {
    const key = `${documentId}|${sourceLocale}|${locale}`;
    if (!sourceLocale || !locale || asked.current === key) return;
    asked.current = key;
    get<{ data: Record<string, unknown> }>(`/i18n/content-manager/get-fill-from-locale/${model}`, {
      params: { documentId, sourceLocale, targetLocale: locale, collectionType },
    })
      .then(({ data }) => {
        setValues(data.data);
        setPrefilled('done');
      })
      .catch(() => setPrefilled('failed'));
  }, [get, setValues, model, collectionType, documentId, sourceLocale, locale]);

  return (
    <Box background="neutral100" padding={3} hasRadius data-testid="unsaved-locale">
      <Typography variant="pi" tag="p">
        此语言版本（{locale ?? '—'}）尚未保存：保存后才有自己的审核状态、定时和记录。
      </Typography>
      {prefilled === 'done' ? (
        <Typography variant="pi" tag="p" fontWeight="bold" data-testid="prefilled-from">
          已按 {sourceLocale}{' '}
          版本预填正文和图片，请翻译后保存；网址别名按本语言标题生成，发布渠道从仅网站开始 /
          Prefilled from {sourceLocale}: translate, then save
        </Typography>
      ) : null}
      <Typography variant="pi" tag="p" textColor="neutral600">
        This locale has not been saved yet: it gets its own review, schedule and history once saved.
      </Typography>
    </Box>
  );
};

type SavedLocales = { availableLocales?: Array<{ locale?: string }> };

const UnsavedOrContent = ({
  model,
  collectionType,
  documentId,
  document,
  meta,
}: {
  model: string;
  collectionType: string;
  documentId: string;
  document?: Record<string, unknown>;
  meta?: SavedLocales;
}) => {
  const { asked, saved } = useEditedLocale(document);
  if (!saved || !document) {
    // Prefill from the Chinese version where there is one, else from any saved locale.
    const savedLocales = [
      document?.locale as string | undefined,
      ...(meta?.availableLocales ?? []).map(({ locale }) => locale),
    ].filter((code): code is string => Boolean(code) && code !== asked);
    const source = savedLocales.find((code) => code === 'zh-CN') ?? savedLocales[0];
    return (
      <UnsavedLocale
        model={model}
        collectionType={collectionType}
        documentId={documentId}
        sourceLocale={source}
        locale={asked}
      />
    );
  }
  return (
    <WorkflowPanelContent
      model={model}
      documentId={documentId}
      locale={document.locale as string | undefined}
      revision={document.updatedAt}
    />
  );
};

/** The side panel of every publishable type's edit view: state, stage, schedule, diff, history and the allowed transitions. */
export const WorkflowPanel: PanelComponent = ({
  model,
  collectionType,
  documentId,
  document,
  meta,
}) => {
  if (!documentId || !isPublishableModel(model)) return null;
  return {
    title: '审核与发布 Review',
    content: (
      <UnsavedOrContent
        model={model}
        collectionType={collectionType}
        documentId={documentId}
        document={document}
        meta={meta}
      />
    ),
  };
};
