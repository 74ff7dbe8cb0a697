import * as React from 'react';
import { Badge, Box, Main, Tabs, Typography } from '@strapi/design-system';
import { Layouts, useFetchClient } from '@strapi/strapi/admin';
import { DocumentTable, type DocumentColumn } from './DocumentTable';
import { PeopleTime } from './people-time';
import type { QueueItem, WaitingItem } from './workflow-api';

const RISK_LABELS: Record<NonNullable<QueueItem['scheduleRisk']>, string> = {
  overdue: '已过定时',
  tight: '24 小时内发布',
};

const QUEUE_COLUMNS: Array<DocumentColumn<QueueItem>> = [
  { label: '送审人 Submitter', cell: (item) => <Typography>{item.submitter ?? '—'}</Typography> },
  {
    label: '等待自 Waiting since',
    cell: (item) => (
      <Typography>
        <PeopleTime at={item.waitingSince} />
      </Typography>
    ),
  },
  {
    label: '环节 Stage',
    cell: (item) => (
      <Badge backgroundColor="primary100" textColor="primary700">
        {item.stageName}（{item.stageIndex + 1}/{item.stageCount}）
      </Badge>
    ),
  },
  {
    label: '用语提示 Warnings',
    cell: (item) => (
      <Typography textColor={item.warnings > 0 ? 'warning700' : 'neutral600'}>
        {item.warnings}
      </Typography>
    ),
  },
  {
    label: '定时 Publish at',
    cell: (item) => (
      <Box data-testid="queue-schedule">
        <Typography>
          <PeopleTime at={item.publishAt} none="审核通过即发布 On approval" />
        </Typography>
        {item.scheduleRisk ? (
          <Box paddingTop={1}>
            <Badge
              backgroundColor={item.scheduleRisk === 'overdue' ? 'danger100' : 'warning100'}
              textColor={item.scheduleRisk === 'overdue' ? 'danger700' : 'warning700'}
            >
              {RISK_LABELS[item.scheduleRisk]}
            </Badge>
          </Box>
        ) : null}
      </Box>
    ),
  },
];

const WAITING_COLUMNS: Array<DocumentColumn<WaitingItem>> = [
  {
    label: '通过时间 Approved',
    cell: (item) => (
      <Typography>
        <PeopleTime at={item.approvedAt} />
      </Typography>
    ),
  },
  {
    label: '发布时间 Goes live',
    cell: (item) => (
      <Typography textColor="success700">
        <PeopleTime at={item.publishAt} none="待手动发布 Waits for a publish" />
      </Typography>
    ),
  },
];

/**
 * 审核队列: what waits for the signed-in reviewer (items at a stage their role acts on and that
 * four-eyes lets them review), and, in its own tab, what passed every stage and waits to go live.
 */
const ReviewQueuePage = () => {
  const { get } = useFetchClient();
  const [items, setItems] = React.useState<QueueItem[] | null>(null);
  const [waiting, setWaiting] = React.useState<WaitingItem[] | null>(null);

  React.useEffect(() => {
    get<{ data: QueueItem[] }>('/workflow/queue')
      .then(({ data }) => setItems(data.data))
      .catch(() => setItems([]));
    get<{ data: WaitingItem[] }>('/workflow/waiting')
      .then(({ data }) => setWaiting(data.data))
      .catch(() => setWaiting([]));
  }, [get]);

  return (
    <Main>
      <Layouts.Header
        title="审核队列 Review queue"
        subtitle={items ? `${items.length} 项待我审核 · ${items.length} waiting for you` : '…'}
      />
      <Layouts.Content>
        <Tabs.Root defaultValue="mine">
          <Tabs.List aria-label="审核队列 Review queue">
            <Tabs.Trigger value="mine">
              待我审核 Waiting for me（{items?.length ?? '…'}）
            </Tabs.Trigger>
            <Tabs.Trigger value="waiting">
              已通过待发布 Approved, waiting（{waiting?.length ?? '…'}）
            </Tabs.Trigger>
          </Tabs.List>
          <Tabs.Content value="mine">
            <Box paddingTop={4}>
              {items ? (
                <DocumentTable
                  items={items}
                  columns={QUEUE_COLUMNS}
                  empty="暂无待审内容 Nothing waits for your review."
                />
              ) : null}
            </Box>
          </Tabs.Content>
          <Tabs.Content value="waiting">
            <Box paddingTop={4}>
              {waiting ? (
                <DocumentTable
                  items={waiting}
                  columns={WAITING_COLUMNS}
                  empty="没有已通过待发布的内容 Nothing approved is waiting."
                  rowTestId="waiting-row"
                />
              ) : null}
            </Box>
          </Tabs.Content>
        </Tabs.Root>
      </Layouts.Content>
    </Main>
  );
};

export default ReviewQueuePage;
