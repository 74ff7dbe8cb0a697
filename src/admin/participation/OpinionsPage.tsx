import * as React from 'react';
import { Badge, Button, Flex, Textarea, Typography } from '@strapi/design-system';
import { HandlingPage, showDate, type HandlingColumn } from './HandlingPage';

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
  dueAt: string;
  overdue: boolean;
  escalations: number;
  rating: 'satisfied' | 'unsatisfied' | null;
  qaArticleDocumentId: string | null;
  sentAt: string;
};
type OpinionState = HandledOpinion['state'];

const KINDS = { opinion: '意见', suggestion: '建议', problem: '问题' } as const;

const STATES: ReadonlyArray<{ state: OpinionState; label: string; empty: string }> = [
  { state: 'open', label: '待答复 Open', empty: '没有待答复的意见 Nothing waits for an answer.' },
  { state: 'answered', label: '已答复 Answered', empty: '没有已答复的意见 Nothing answered yet.' },
];

const COLUMNS: ReadonlyArray<HandlingColumn<HandledOpinion>> = [
  {
    label: '标题 Title',
    cell: (item) => (
      <Typography fontWeight="semiBold">
        【{KINDS[item.kind]}】{item.title}
      </Typography>
    ),
  },
  {
    label: '发送人 From',
    cell: (item) => (
      <Typography>
        {item.sender ? `${item.sender.name}（${item.sender.employeeNumber}）` : '匿名 Anonymous'}
      </Typography>
    ),
  },
  {
    label: '时限 Due',
    cell: (item) => (
      <Flex gap={2}>
        <Typography textColor={item.overdue ? 'danger600' : 'neutral800'}>
          {showDate(item.dueAt)}
        </Typography>
        {item.overdue ? (
          <Badge backgroundColor="danger100" textColor="danger700">
            逾期 Overdue
          </Badge>
        ) : null}
        {item.escalations > 0 ? <Badge>已上转 {item.escalations}</Badge> : null}
      </Flex>
    ),
  },
  {
    label: '评价 Rating',
    cell: (item) => (
      <Typography>
        {item.rating === 'satisfied' ? '满意' : item.rating === 'unsatisfied' ? '不满意' : '—'}
      </Typography>
    ),
  },
];

const listPath = (state: OpinionState) => `/participation/opinions?state=${state}&pageSize=100`;

/** 意见建议: what staff sent to the organizations this handler answers for, the soonest due first; answer, and with consent propose a Q&A item. */
const OpinionsPage = () => {
  const [answer, setAnswer] = React.useState('');
  return (
    <HandlingPage<HandledOpinion, OpinionState>
      title="意见建议 Opinions"
      subtitle="职工的意见、建议和反映的问题：逾期未答复的转上级党组织 · Unanswered past their due time, they go to the parent organization"
      states={STATES}
      listPath={listPath}
      columns={COLUMNS}
      rowTestId="opinion-row"
      dialog={{
        heading: (item) => (
          <>
            {item.sender ? item.sender.name : '匿名 Anonymous'} · {showDate(item.sentAt)}
            {item.consentToPublish ? ' · 同意公开为问答 may be published as Q&A' : ''}
          </>
        ),
        below: (item) => (
          <>
            {item.answer ? (
              <Typography textColor="success700">
                答复 {item.answeredByName}：{item.answer}
              </Typography>
            ) : null}
            {item.rating ? null : (
              <Textarea
                name="answer"
                placeholder="答复（发送人可见）Answer, shown to the sender"
                value={answer}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                  setAnswer(event.target.value)
                }
              />
            )}
          </>
        ),
        actions: (item, act, busy) => (
          <>
            {item.state === 'answered' && item.consentToPublish && !item.qaArticleDocumentId ? (
              <Button
                variant="secondary"
                disabled={busy}
                onClick={() =>
                  act(
                    `/participation/opinions/${item.documentId}/qa`,
                    {},
                    '问答草稿已生成，进入审核 A Q&A draft was made for review',
                  ).catch(() => undefined)
                }
              >
                转为问答 Propose as Q&A
              </Button>
            ) : null}
            {item.rating ? null : (
              <Button
                disabled={busy || answer.trim() === ''}
                onClick={() =>
                  act(
                    `/participation/opinions/${item.documentId}/answer`,
                    { answer },
                    '已答复 Answered',
                  ).then(
                    () => setAnswer(''),
                    () => undefined,
                  )
                }
              >
                答复 Answer
              </Button>
            )}
          </>
        ),
      }}
    />
  );
};

export default OpinionsPage;
