import * as React from 'react';
import { Badge, Box, Main, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, useFetchClient } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { TYPE_LABELS } from './labels';
import type { QueueItem } from './workflow-api';

/** What waits for the signed-in reviewer: items at a stage their role acts on and that four-eyes lets them review. */
const ReviewQueuePage = () => {
  const { get } = useFetchClient();
  const [items, setItems] = React.useState<QueueItem[] | null>(null);

  React.useEffect(() => {
    get<{ data: QueueItem[] }>('/workflow/queue')
      .then(({ data }) => setItems(data.data))
      .catch(() => setItems([]));
  }, [get]);

  return (
    <Main>
      <Layouts.Header title="审核队列 Review queue" subtitle={items ? `${items.length} 项待我审核 · ${items.length} waiting for you` : '…'} />
      <Layouts.Content>
        {items && items.length === 0 ? (
          <Box padding={8} background="neutral0" hasRadius>
            <Typography>暂无待审内容 Nothing waits for your review.</Typography>
          </Box>
        ) : (
          <Table colCount={6} rowCount={(items?.length ?? 0) + 1}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">标题 Title</Typography></Th>
                <Th><Typography variant="sigma">类型 Type</Typography></Th>
                <Th><Typography variant="sigma">语言 Locale</Typography></Th>
                <Th><Typography variant="sigma">环节 Stage</Typography></Th>
                <Th><Typography variant="sigma">用语提示 Warnings</Typography></Th>
                <Th><Typography variant="sigma">定时 Publish at</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {(items ?? []).map((item) => (
                <Tr key={`${item.contentType}:${item.documentId}:${item.locale}`}>
                  <Td>
                    <Link to={`/content-manager/collection-types/${item.contentType}/${item.documentId}?plugins[i18n][locale]=${item.locale}`}>
                      <Typography fontWeight="bold">{item.title ?? item.documentId}</Typography>
                    </Link>
                  </Td>
                  <Td><Typography>{TYPE_LABELS[item.contentType] ?? item.contentType}</Typography></Td>
                  <Td><Typography>{item.locale}</Typography></Td>
                  <Td>
                    <Badge backgroundColor="primary100" textColor="primary700">
                      {item.stageName}（{item.stageIndex + 1}/{item.stageCount}）
                    </Badge>
                  </Td>
                  <Td><Typography textColor={item.warnings > 0 ? 'warning700' : 'neutral600'}>{item.warnings}</Typography></Td>
                  <Td><Typography>{item.publishAt ? new Date(item.publishAt).toLocaleString('zh-CN', { hour12: false }) : '审核通过即发布 On approval'}</Typography></Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Layouts.Content>
    </Main>
  );
};

export default ReviewQueuePage;
