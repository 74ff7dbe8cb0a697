import * as React from 'react';
import { Badge, Box, Button, Flex, Main, Modal, Table, Tabs, Tbody, Td, Textarea, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import type { InboxItem } from '../../participation/contribution-inbox';
import type { ContributionState } from '../../participation/participation-types';

const STATES: Array<{ state: ContributionState; label: string; empty: string }> = [
  { state: 'received', label: '待处理 Received', empty: '没有待处理的投稿 No contributions wait.' },
  { state: 'adopted', label: '已采用 Adopted', empty: '还没有采用的投稿 Nothing adopted yet.' },
  { state: 'declined', label: '已退稿 Declined', empty: '没有退稿 Nothing declined.' },
];

const showDate = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }) : '—');

const errorMessage = (error: unknown) => (error as { response?: { data?: { error?: { message?: string } } } })?.response?.data?.error?.message ?? (error as Error).message;

/** 投稿箱: what staff sent in, by state; an editor reads one, adopts it into a draft article, or declines it with a reason. */
const ContributionsPage = () => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const navigate = useNavigate();
  const [state, setState] = React.useState<ContributionState>('received');
  const [items, setItems] = React.useState<InboxItem[] | null>(null);
  const [open, setOpen] = React.useState<InboxItem | null>(null);
  const [reason, setReason] = React.useState('');
  const [busy, setBusy] = React.useState(false);

  const load = React.useCallback(() => {
    setItems(null);
    get<{ data: InboxItem[] }>(`/participation/contributions?state=${state}&pageSize=100`)
      .then(({ data }) => setItems(data.data))
      .catch(() => setItems([]));
  }, [get, state]);
  React.useEffect(load, [load]);

  const act = async (action: 'adopt' | 'decline') => {
    if (!open) return;
    setBusy(true);
    try {
      const { data } = await post<{ data: { articleDocumentId?: string } }>(`/participation/contributions/${open.documentId}/${action}`, action === 'decline' ? { reason } : {});
      toggleNotification({ type: 'success', message: action === 'adopt' ? '已采用，草稿已生成 Adopted: a draft article was made' : '已退稿 Declined' });
      setOpen(null);
      setReason('');
      if (action === 'adopt' && data.data.articleDocumentId) navigate(`/content-manager/collection-types/api::article.article/${data.data.articleDocumentId}?plugins[i18n][locale]=zh-CN`);
      else load();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Main>
      <Layouts.Header title="投稿箱 Contributions" subtitle="职工投稿：采用后生成草稿进入三审，或写明理由退稿 · Adopt into a draft for review, or decline with a reason" />
      <Layouts.Content>
        <Tabs.Root value={state} onValueChange={(value: string) => setState(value as ContributionState)}>
          <Tabs.List aria-label="投稿箱 Contributions">
            {STATES.map((entry) => (
              <Tabs.Trigger key={entry.state} value={entry.state}>
                {entry.label}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
        </Tabs.Root>
        <Box paddingTop={4}>
          {items === null ? null : items.length === 0 ? (
            <Typography textColor="neutral600">{STATES.find((entry) => entry.state === state)?.empty}</Typography>
          ) : (
            <Table colCount={5} rowCount={items.length + 1}>
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">标题 Title</Typography></Th>
                  <Th><Typography variant="sigma">投稿人 From</Typography></Th>
                  <Th><Typography variant="sigma">照片 Photos</Typography></Th>
                  <Th><Typography variant="sigma">投稿时间 Sent</Typography></Th>
                  <Th><Typography variant="sigma">处理 Handled</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {items.map((item) => (
                  <Tr key={item.documentId} data-testid="contribution-row" onClick={() => setOpen(item)} style={{ cursor: 'pointer' }}>
                    <Td><Typography fontWeight="semiBold">{item.title}</Typography></Td>
                    <Td>
                      <Flex gap={2}>
                        <Typography>{item.contributor ? `${item.contributor.name}（${item.contributor.employeeNumber}）` : '—'}</Typography>
                        {item.contributor?.correspondent ? <Badge backgroundColor="warning100" textColor="warning700">通讯员</Badge> : null}
                      </Flex>
                    </Td>
                    <Td><Typography>{item.images?.length ?? 0}</Typography></Td>
                    <Td><Typography>{showDate(item.createdAt)}</Typography></Td>
                    <Td><Typography textColor="neutral600">{item.contributionState === 'declined' ? item.declineReason : showDate(item.handledAt)}</Typography></Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
        </Box>
        <Modal.Root open={open !== null} onOpenChange={(next: boolean) => !next && setOpen(null)}>
          <Modal.Content>
            <Modal.Header>
              <Modal.Title>{open?.title}</Modal.Title>
            </Modal.Header>
            <Modal.Body>
              <Flex direction="column" alignItems="stretch" gap={3}>
                <Typography textColor="neutral600">
                  {open?.contributor ? `${open.contributor.name} · ${open.contributor.employeeNumber}${open.contributor.phone ? ` · ${open.contributor.phone}` : ''}` : ''}
                  {open?.consentToBeNamed ? ' · 同意署名 named with consent' : ' · 不署名 not to be named'}
                </Typography>
                {open?.body.split(/\n+/).map((line, index) => <Typography key={index} tag="p">{line}</Typography>)}
                <Flex gap={2} wrap="wrap">
                  {(open?.images ?? []).map((image) => (
                    <img key={image.id} src={image.formats?.thumbnail?.url ?? image.url} alt="" style={{ width: 120, height: 90, objectFit: 'cover', borderRadius: 4 }} />
                  ))}
                </Flex>
                {open?.contributionState === 'received' ? (
                  <Textarea name="reason" placeholder="退稿理由（投稿人可见）Reason, shown to the contributor" value={reason} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setReason(event.target.value)} />
                ) : null}
              </Flex>
            </Modal.Body>
            {open?.contributionState === 'received' ? (
              <Modal.Footer>
                <Button variant="danger-light" disabled={busy || reason.trim() === ''} onClick={() => act('decline')}>
                  退稿 Decline
                </Button>
                <Button disabled={busy} onClick={() => act('adopt')}>
                  采用 Adopt
                </Button>
              </Modal.Footer>
            ) : null}
          </Modal.Content>
        </Modal.Root>
      </Layouts.Content>
    </Main>
  );
};

export default ContributionsPage;
