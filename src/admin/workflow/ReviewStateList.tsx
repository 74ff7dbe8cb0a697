import type * as React from 'react';
import { Badge, Box, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useQueryParams } from '@strapi/strapi/admin';
import { useParams } from 'react-router-dom';
import { STATE_BADGE, STATE_LABELS } from './labels';
import { readableTime } from '../../i18n/people-time';
import { PeopleTime, usePeopleTimeZone } from './people-time';
import { isPublishableModel } from './workflow-api';

type ListRow = {
  reviewState?: string;
  reviewStage?: string | null;
  publishAt?: string | null;
  liveSince?: string | null;
};
type Header = {
  attribute: { type: string };
  label: { id: string; defaultMessage: string };
  name: string;
  searchable: boolean;
  sortable: boolean;
  cellFormatter: (row: ListRow) => React.ReactNode;
};
type ColumnHook = {
  displayedHeaders: Header[];
  layout: { options?: { draftAndPublish?: boolean } };
};

/** 审核状态 in one cell: the state, the stage it waits at, or the time it goes live. */
const ReviewStateCell = ({ row }: { row: ListRow }) => {
  const timeZone = usePeopleTimeZone();
  if (!row.reviewState) return <Typography textColor="neutral500">—</Typography>;
  const badge = STATE_BADGE[row.reviewState] ?? STATE_BADGE.draft;
  const waiting =
    row.reviewState === 'approved' && row.publishAt
      ? `定时发布 ${readableTime(row.publishAt, timeZone)}`
      : null;
  return (
    <Box data-testid="review-state-cell">
      <Badge backgroundColor={badge.background} textColor={badge.text}>
        {STATE_LABELS[row.reviewState]?.split(' ')[0] ?? row.reviewState}
        {row.reviewStage ? ` · ${row.reviewStage}` : ''}
      </Badge>
      {waiting ? (
        <Typography variant="pi" tag="p" textColor="success700">
          {waiting}
        </Typography>
      ) : null}
    </Box>
  );
};

/** 发布时间: when the live version went live, or the time an approved item is scheduled for. */
const ReleaseCell = ({ row }: { row: ListRow }) => {
  if (row.reviewState === 'approved' && row.publishAt) {
    return (
      <Typography textColor="success700">
        定时 <PeopleTime at={row.publishAt} />
      </Typography>
    );
  }
  return (
    <Typography textColor="neutral800">
      <PeopleTime at={row.liveSince} />
    </Typography>
  );
};

/** A list column the server's review data fills (not an attribute: neither searchable nor sortable). */
const workflowColumn = (
  name: string,
  label: Header['label'],
  Cell: (props: { row: ListRow }) => React.ReactNode,
): Header => ({
  attribute: { type: 'custom' },
  label,
  name,
  searchable: false,
  sortable: false,
  cellFormatter: (row) => <Cell row={row} />,
});

/**
 * The list view's 审核状态 column for the types with draft & publish (all of them go through
 * review): the server adds each row's review state to the list (src/middlewares/review-state-column.ts).
 */
export const addReviewStateColumn = ({ displayedHeaders, layout }: ColumnHook): ColumnHook => {
  if (layout?.options?.draftAndPublish !== true) return { displayedHeaders, layout };
  const column = workflowColumn(
    'reviewState',
    { id: 'workflow.list.review-state', defaultMessage: '审核状态 Review' },
    ReviewStateCell,
  );
  const release = workflowColumn(
    'releasedAt',
    { id: 'workflow.list.release', defaultMessage: '发布时间 Released' },
    ReleaseCell,
  );
  // 审核状态 before the columns that may scroll: it is what an editor reads the list for.
  const [title, ...rest] = displayedHeaders;
  return {
    displayedHeaders: title ? [title, column, ...rest, release] : [column, release],
    layout,
  };
};

/** Lists only the documents in one review state (`?reviewState=`, filtered on the server). */
export const ReviewStateFilter = () => {
  const { slug } = useParams<{ slug: string }>();
  const [{ query }, setQuery] = useQueryParams<{ reviewState?: string; page?: number }>();
  if (!slug || !isPublishableModel(slug)) return null;
  return (
    <Box minWidth="180px">
      <SingleSelect
        aria-label="审核状态 Review state"
        placeholder="全部审核状态"
        size="S"
        value={query.reviewState ?? ''}
        onChange={(value: string | number) => setQuery({ reviewState: String(value), page: 1 })}
        onClear={() => setQuery({ reviewState: undefined, page: 1 }, 'remove')}
      >
        {Object.entries(STATE_LABELS).map(([value, label]) => (
          <SingleSelectOption key={value} value={value}>
            {label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Box>
  );
};
