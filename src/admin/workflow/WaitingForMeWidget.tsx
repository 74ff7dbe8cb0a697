import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { PeopleTime } from './people-time';
import type { MyItem, QueueItem } from './workflow-api';

type Waiting = { key: string; to: string; title: string; why: React.ReactNode };

const editPath = (item: { contentType: string; documentId: string; locale: string }) =>
  `/content-manager/collection-types/${item.contentType}/${item.documentId}?plugins[i18n][locale]=${item.locale}`;

/**
 * The Home page's 等我处理: my items sent back to me (with the reason), then what waits at a
 * stage I review. The full notification inbox is a later piece of work.
 */
export const WaitingForMeWidget = () => {
  const { get } = useFetchClient();
  const [items, setItems] = React.useState<Waiting[] | null>(null);

  React.useEffect(() => {
    // Each read falls back to an empty list, so this never rejects.
    void Promise.all([
      get<{ data: MyItem[] }>('/workflow/mine')
        .then(({ data }) => data.data.filter((item) => item.group === 'sent_back'))
        .catch(() => []),
      get<{ data: QueueItem[] }>('/workflow/queue')
        .then(({ data }) => data.data)
        .catch(() => []),
    ]).then(([sentBack, queue]) =>
      setItems([
        ...sentBack.map((item) => ({
          key: `back:${item.contentType}:${item.documentId}:${item.locale}`,
          to: editPath(item),
          title: item.title ?? item.documentId,
          why: (
            <>
              退回给我{item.sentBack?.stageName ? `（${item.sentBack.stageName}）` : ''}：“
              {item.sentBack?.comment ?? ''}”
            </>
          ),
        })),
        ...queue.map((item) => ({
          key: `queue:${item.contentType}:${item.documentId}:${item.locale}`,
          to: editPath(item),
          title: item.title ?? item.documentId,
          why: (
            <>
              等待{item.stageName} · 修改于 <PeopleTime at={item.updatedAt} />
            </>
          ),
        })),
      ]),
    );
  }, [get]);

  if (items === null) return <Typography variant="pi">…</Typography>;
  if (items.length === 0)
    return <Typography textColor="neutral600">没有等您处理的稿件。</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="waiting-for-me">
      {items.slice(0, 8).map((item) => (
        <Box key={item.key}>
          <Link to={item.to}>
            <Typography fontWeight="bold">{item.title}</Typography>
          </Link>
          <Typography variant="pi" tag="p" textColor="neutral600">
            {item.why}
          </Typography>
        </Box>
      ))}
      {items.length > 8 ? <Typography variant="pi">还有 {items.length - 8} 项</Typography> : null}
    </Flex>
  );
};
