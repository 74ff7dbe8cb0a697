import * as React from 'react';
import { Badge, Button, Flex, Textarea, Typography } from '@strapi/design-system';
import { useNavigate } from 'react-router-dom';
import type { InboxItem } from '../../participation/contribution-inbox';
import type { ContributionState } from '../../participation/participation-types';
import { HandlingPage, showDate, type HandlingColumn } from './HandlingPage';

const STATES: ReadonlyArray<{ state: ContributionState; label: string; empty: string }> = [
  { state: 'received', label: '待处理 Received', empty: '没有待处理的投稿 No contributions wait.' },
  { state: 'adopted', label: '已采用 Adopted', empty: '还没有采用的投稿 Nothing adopted yet.' },
  { state: 'declined', label: '已退稿 Declined', empty: '没有退稿 Nothing declined.' },
];

const COLUMNS: ReadonlyArray<HandlingColumn<InboxItem>> = [
  {
    label: '标题 Title',
    cell: (item) => <Typography fontWeight="semiBold">{item.title}</Typography>,
  },
  {
    label: '投稿人 From',
    cell: (item) => (
      <Flex gap={2}>
        <Typography>
          {item.contributor
            ? `${item.contributor.name}（${item.contributor.employeeNumber}）`
            : '—'}
        </Typography>
        {item.contributor?.correspondent ? (
          <Badge backgroundColor="warning100" textColor="warning700">
            通讯员
          </Badge>
        ) : null}
      </Flex>
    ),
  },
  { label: '照片 Photos', cell: (item) => <Typography>{item.images?.length ?? 0}</Typography> },
  { label: '投稿时间 Sent', cell: (item) => <Typography>{showDate(item.createdAt)}</Typography> },
  {
    label: '处理 Handled',
    cell: (item) => (
      <Typography textColor="neutral600">
        {item.contributionState === 'declined' ? item.declineReason : showDate(item.handledAt)}
      </Typography>
    ),
  },
];

const listPath = (state: ContributionState) =>
  `/participation/contributions?state=${state}&pageSize=100`;

/** 投稿箱: what staff sent in, by state; an editor reads one, adopts it into a draft article (and lands in it), or declines it with a reason. */
const ContributionsPage = () => {
  const navigate = useNavigate();
  const [reason, setReason] = React.useState('');
  return (
    <HandlingPage<InboxItem, ContributionState>
      title="投稿箱 Contributions"
      subtitle="职工投稿：采用后生成草稿进入三审，或写明理由退稿 · Adopt into a draft for review, or decline with a reason"
      states={STATES}
      listPath={listPath}
      columns={COLUMNS}
      rowTestId="contribution-row"
      dialog={{
        heading: (item) =>
          `${item.contributor ? `${item.contributor.name} · ${item.contributor.employeeNumber}${item.contributor.phone ? ` · ${item.contributor.phone}` : ''}` : ''}${item.consentToBeNamed ? ' · 同意署名 named with consent' : ' · 不署名 not to be named'}`,
        below: (item) => (
          <>
            <Flex gap={2} wrap="wrap">
              {(item.images ?? []).map((image) => (
                <img
                  key={image.id}
                  src={image.formats?.thumbnail?.url ?? image.url}
                  alt=""
                  style={{ width: 120, height: 90, objectFit: 'cover', borderRadius: 4 }}
                />
              ))}
            </Flex>
            {item.contributionState === 'received' ? (
              <Textarea
                name="reason"
                placeholder="退稿理由（投稿人可见）Reason, shown to the contributor"
                value={reason}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                  setReason(event.target.value)
                }
              />
            ) : null}
          </>
        ),
        actions: (item, act, busy) =>
          item.contributionState === 'received' ? (
            <>
              <Button
                variant="danger-light"
                disabled={busy || reason.trim() === ''}
                onClick={() =>
                  act(
                    `/participation/contributions/${item.documentId}/decline`,
                    { reason },
                    '已退稿 Declined',
                  ).then(
                    () => setReason(''),
                    () => undefined,
                  )
                }
              >
                退稿 Decline
              </Button>
              <Button
                disabled={busy}
                onClick={() =>
                  act(
                    `/participation/contributions/${item.documentId}/adopt`,
                    {},
                    '已采用，草稿已生成 Adopted: a draft article was made',
                  ).then(
                    (made) =>
                      navigate(
                        `/content-manager/collection-types/api::article.article/${(made as { articleDocumentId: string }).articleDocumentId}?plugins[i18n][locale]=zh-CN`,
                      ),
                    () => undefined,
                  )
                }
              >
                采用 Adopt
              </Button>
            </>
          ) : null,
      }}
    />
  );
};

export default ContributionsPage;
