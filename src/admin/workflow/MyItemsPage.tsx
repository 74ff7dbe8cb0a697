import * as React from 'react';
import { Badge, Box, Main, Tabs, Typography } from '@strapi/design-system';
import { Layouts, useFetchClient } from '@strapi/strapi/admin';
import { DocumentTable, type DocumentColumn } from './DocumentTable';
import { PeopleTime } from './people-time';
import type { MyItem, MyItemGroup } from './workflow-api';

const GROUPS: Array<{ group: MyItemGroup; label: string; empty: string }> = [
  {
    group: 'sent_back',
    label: '退回给我 Sent back',
    empty: '没有退回的稿件 Nothing was sent back to you.',
  },
  {
    group: 'in_review',
    label: '审核中 In review',
    empty: '没有审核中的稿件 Nothing of yours is in review.',
  },
  {
    group: 'scheduled',
    label: '已通过，定时发布 Scheduled',
    empty: '没有定时发布的稿件 Nothing of yours is scheduled.',
  },
  {
    group: 'waiting',
    label: '已通过，待发布 Approved, waiting',
    empty: '没有待发布的稿件 Nothing approved waits.',
  },
  { group: 'live', label: '已发布 Live', empty: '还没有发布的稿件 Nothing of yours is live yet.' },
  { group: 'draft', label: '草稿 Drafts', empty: '没有草稿 No drafts.' },
];

/** Where an item stands, in one cell: the stage it waits at, or its time. */
const Standing = ({ item }: { item: MyItem }) => {
  if (item.group === 'sent_back' && item.sentBack) {
    return (
      <Box data-testid="sent-back-row">
        <Typography textColor="danger700" tag="p">
          “{item.sentBack.comment ?? ''}”
        </Typography>
        <Typography variant="pi" textColor="neutral600" tag="p">
          {item.sentBack.reviewer}
          {item.sentBack.stageName ? `（${item.sentBack.stageName}）` : ''} ·{' '}
          <PeopleTime at={item.sentBack.at} />
        </Typography>
      </Box>
    );
  }
  if (item.group === 'in_review')
    return (
      <Badge backgroundColor="secondary100" textColor="secondary700">
        {item.stageName ?? '审核中'}
      </Badge>
    );
  if (item.group === 'scheduled')
    return (
      <Typography textColor="success700">
        定时发布 <PeopleTime at={item.publishAt} />
      </Typography>
    );
  if (item.group === 'live' && item.unpublishAt)
    return (
      <Typography>
        下线 <PeopleTime at={item.unpublishAt} />
      </Typography>
    );
  return <Typography textColor="neutral600">—</Typography>;
};

const COLUMNS: Array<DocumentColumn<MyItem>> = [
  { label: '进度 Where it stands', cell: (item) => <Standing item={item} /> },
  {
    label: '修改时间 Changed',
    cell: (item) => (
      <Typography>
        <PeopleTime at={item.updatedAt} />
      </Typography>
    ),
  },
];

/** 我的稿件: what the signed-in editor wrote, by where it stands; what was sent back first. */
const MyItemsPage = () => {
  const { get } = useFetchClient();
  const [items, setItems] = React.useState<MyItem[] | null>(null);

  React.useEffect(() => {
    get<{ data: MyItem[] }>('/workflow/mine')
      .then(({ data }) => setItems(data.data))
      .catch(() => setItems([]));
  }, [get]);

  const [tab, setTab] = React.useState<string | null>(null);
  const inGroup = (group: MyItemGroup) => (items ?? []).filter((item) => item.group === group);
  const sentBack = inGroup('sent_back').length;
  // Opens on the first group with anything in it: what was sent back, when something was.
  const shown = tab ?? GROUPS.find(({ group }) => inGroup(group).length > 0)?.group ?? 'sent_back';
  return (
    <Main>
      <Layouts.Header
        title="我的稿件 My items"
        subtitle={
          items
            ? sentBack > 0
              ? `${sentBack} 篇退回待修改 · ${sentBack} sent back to you`
              : `${items.length} 篇 · ${items.length} items`
            : '…'
        }
      />
      <Layouts.Content>
        <Tabs.Root value={shown} onValueChange={setTab}>
          <Tabs.List aria-label="我的稿件 My items">
            {GROUPS.map(({ group, label }) => (
              <Tabs.Trigger key={group} value={group}>
                {label}（{items ? inGroup(group).length : '…'}）
              </Tabs.Trigger>
            ))}
          </Tabs.List>
          {GROUPS.map(({ group, empty }) => (
            <Tabs.Content key={group} value={group}>
              <Box paddingTop={4}>
                {items ? (
                  <DocumentTable
                    items={inGroup(group)}
                    columns={COLUMNS}
                    empty={empty}
                    rowTestId="my-item"
                  />
                ) : null}
              </Box>
            </Tabs.Content>
          ))}
        </Tabs.Root>
      </Layouts.Content>
    </Main>
  );
};

export default MyItemsPage;
