import { Badge } from '@strapi/design-system';
import type { HeaderActionComponent } from '@strapi/content-manager/strapi-admin';
import { readableTime } from '../../i18n/people-time';
import { usePeopleTimeZone } from './people-time';
import { STATE_BADGE, STATE_LABELS } from './labels';
import {
  isPublishableModel,
  useEditedLocale,
  useWorkflowStatus,
  type WorkflowStatus,
} from './workflow-api';

/**
 * What the header says of the review, next to Strapi's Draft / Modified / Published: both facts
 * when a live item is being changed (the live version stays until the change is approved).
 */
export const headerLabelOf = (status: WorkflowStatus, timeZone: string): string => {
  const editing = status.isLive && status.reviewState !== 'published' ? '线上版本 + ' : '';
  if (status.reviewState === 'approved')
    return `${editing}${status.publishAt ? `定时发布 ${readableTime(status.publishAt, timeZone)}` : '已通过，待发布 Approved, waiting'}`;
  if (status.reviewState === 'in_review')
    return `${editing}审核中 · ${status.stages[Math.min(status.stageIndex, status.stages.length - 1)]?.name ?? ''}`;
  if (editing && status.reviewState === 'draft') return '线上版本 + 修改中 Live, being edited';
  return `${editing}${STATE_LABELS[status.reviewState] ?? status.reviewState}`;
};

/**
 * The review state in the edit view's header, where Strapi's own status badge cannot tell sent
 * back, in 复审 or approved for 01:17 from a draft (the shared status request; nothing for a
 * locale not saved yet).
 */
export const ReviewStateHeader: HeaderActionComponent = ({ model, documentId, document }) => {
  const { saved } = useEditedLocale(document);
  const { status } = useWorkflowStatus(
    model,
    saved ? documentId : undefined,
    document?.locale as string | undefined,
    document?.updatedAt,
  );
  const timeZone = usePeopleTimeZone();
  if (!isPublishableModel(model) || !saved || !status) return null;
  const colours = STATE_BADGE[status.reviewState] ?? STATE_BADGE.draft;
  return {
    label: '审核状态 Review state',
    // Strapi's header status slot (typed @internal in 5.54): a badge, not a button.
    _status: {
      message: (
        <Badge
          background={colours.background}
          textColor={colours.text}
          data-testid="review-state-header"
        >
          {headerLabelOf(status, timeZone)}
        </Badge>
      ),
    },
  };
};
