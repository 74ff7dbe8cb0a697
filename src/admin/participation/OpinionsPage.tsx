import * as React from 'react';
import { Badge, Box, Button, Flex, Main, Modal, Table, Tabs, Tbody, Td, Textarea, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, useFetchClient, useNotification } from '@strapi/strapi/admin';

/** An opinion as handlers get it (src/participation/opinions.ts, handlerView). */
type HandledOpinion = {
  documentId: string;
  kind: 'opinion' | 'suggestion' | 'problem';
  title: string;
  body: string;
  sender: { name: string; employeeNumber: string } | null;
  anonymous: boolean;
  consentToPublish: boolean;
  state: 'open' | 'answered';
  answer: string | null;
  answeredByName: string | null;
  answeredAt: string | null;
  hoursToFirstAnswer: number | null;
  dueAt: string;
  overdue: boolean;
  escalations: number;
  rating: 'satisfied' | 'unsatisfied' | null;
  qaArticleDocumentId: string | null;
  sentAt: string;
};

const KINDS = { opinion: '意见', suggestion: '建议', problem: '问题' } as const;
const showDate = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }) : '—');
const errorMessage = (error: unknown) => (error as { response?: { data?: { error?: { message?: string } } } })?.response?.data?.error?.message ?? (error as Error).message;

/** 意见建议: what staff sent to the organizations this handler answers for, the soonest due first; answer, and with consent propose a Q&A item. */
const OpinionsPage = () => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [state, setState] = React.useState<'open' | 'answered'>('open');
  const [items, setItems] = React.useState<HandledOpinion[] | null>(null);
  const [open, setOpen] = React.useState<HandledOpinion | null>(null);
  const [answer, setAnswer] = React.useState('');
  const [busy, setBusy] = React.useState(false);

  const load = React.useCallback(() => {
    setItems(null);
    get<{ data: HandledOpinion[] }>(`/participation/opinions?state=${state}&pageSize=100`)
      .then(({ data }) => setItems(data.data))
      .catch(() => setItems([]));
  }, [get, state]);
  React.useEffect(load, [load]);

  const act = async (path: 'answer' | 'qa', body: object, done: string) => {
    if (!open) return;
    setBusy(true);
    try {
      await post(`/participation/opinions/${open.documentId}/${path}`, body);
      toggleNotification({ type: 'success', message: done });
      setOpen(null);
      setAnswer('');
      load();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Main>
      <Layouts.Header title="意见建议 Opinions" subtitle="职工的意见、建议和反映的问题：逾期未答复的转上级党组织 · Unanswered past their due time, they go to the parent organization" />
      <Layouts.Content>
        <Tabs.Root value={state} onValueChange={(value: string) => setState(value as 'open' | 'answered')}>
          <Tabs.List aria-label="意见建议 Opinions">
            <Tabs.Trigger value="open">待答复 Open</Tabs.Trigger>
            <Tabs.Trigger value="answered">已答复 Answered</Tabs.Trigger>
          </Tabs.List>
        </Tabs.Root>
        <Box paddingTop={4}>
          {items === null ? null : items.length === 0 ? (
            <Typography textColor="neutral600">没有{state === 'open' ? '待答复' : '已答复'}的意见 Nothing here.</Typography>
          ) : (
            <Table colCount={4} rowCount={items.length + 1}>
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">标题 Title</Typography></Th>
                  <Th><Typography variant="sigma">发送人 From</Typography></Th>
                  <Th><Typography variant="sigma">时限 Due</Typography></Th>
                  <Th><Typography variant="sigma">评价 Rating</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {items.map((item) => (
                  <Tr key={item.documentId} data-testid="opinion-row" onClick={() => setOpen(item)} style={{ cursor: 'pointer' }}>
                    <Td>
                      <Typography fontWeight="semiBold">【{KINDS[item.kind]}】{item.title}</Typography>
                    </Td>
                    <Td><Typography>{item.sender ? `${item.sender.name}（${item.sender.employeeNumber}）` : '匿名 Anonymous'}</Typography></Td>
                    <Td>
                      <Flex gap={2}>
                        <Typography textColor={item.overdue ? 'danger600' : 'neutral800'}>{showDate(item.dueAt)}</Typography>
                        {item.overdue ? <Badge backgroundColor="danger100" textColor="danger700">逾期 Overdue</Badge> : null}
                        {item.escalations > 0 ? <Badge>已上转 {item.escalations}</Badge> : null}
                      </Flex>
                    </Td>
                    <Td><Typography>{item.rating === 'satisfied' ? '满意' : item.rating === 'unsatisfied' ? '不满意' : '—'}</Typography></Td>
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
                  {open?.sender ? open.sender.name : '匿名 Anonymous'} · {showDate(open?.sentAt ?? null)}
                  {open?.consentToPublish ? ' · 同意公开为问答 may be published as Q&A' : ''}
                </Typography>
                {open?.body.split(/\n+/).map((line, index) => <Typography key={index} tag="p">{line}</Typography>)}
                {open?.answer ? <Typography textColor="success700">答复 {open.answeredByName}：{open.answer}</Typography> : null}
                <Textarea name="answer" placeholder="答复（发送人可见）Answer, shown to the sender" value={answer} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setAnswer(event.target.value)} />
              </Flex>
            </Modal.Body>
            <Modal.Footer>
              {open?.state === 'answered' && open.consentToPublish && !open.qaArticleDocumentId ? (
                <Button variant="secondary" disabled={busy} onClick={() => act('qa', {}, '问答草稿已生成，进入审核 A Q&A draft was made for review')}>
                  转为问答 Propose as Q&A
                </Button>
              ) : null}
              <Button disabled={busy || answer.trim() === ''} onClick={() => act('answer', { answer }, '已答复 Answered')}>
                答复 Answer
              </Button>
            </Modal.Footer>
          </Modal.Content>
        </Modal.Root>
      </Layouts.Content>
    </Main>
  );
};

export default OpinionsPage;
