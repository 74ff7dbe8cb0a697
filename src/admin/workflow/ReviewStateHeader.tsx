import * as React from 'react';
import { Badge } from '@strapi/design-system';
import type { HeaderActionComponent } from '@strapi/content-manager/strapi-admin';
import { showTime } from './DocumentTable';
import { STATE_BADGE, STATE_LABELS } from './labels';
import { isPublishableModel, useEditedLocale, useWorkflowStatus, type WorkflowStatus } from './workflow-api';

/** What the header says of the review, next to Strapi's Draft / Modified / Published. */
const headerLabelOf = (status: WorkflowStatus): string => {
  if (status.reviewState === 'approved') return status.publishAt ? `定时发布 ${showTime(status.publishAt)}` : '已通过，待发布 Approved, waiting';
  if (status.reviewState === 'in_review') return `审核中 · ${status.stages[Math.min(status.stageIndex, status.stages.length - 1)]?.name ?? ''}`;
  return STATE_LABELS[status.reviewState] ?? status.reviewState;
};

/**
 * The review state in the edit view's header, where Strapi's own status badge cannot tell sent
 * back, in 复审 or approved for 01:17 from a draft (the shared status request; nothing for a
 * locale not saved yet).
 */
export const ReviewStateHeader: HeaderActionComponent = ({ model, documentId, document }) => {
  const { saved } = useEditedLocale(document);
  const { status } = useWorkflowStatus(model, saved ? documentId : undefined, document?.locale as string | undefined, document?.updatedAt);
  if (!isPublishableModel(model) || !saved || !status) return null;
  const colours = STATE_BADGE[status.reviewState] ?? STATE_BADGE.draft;
  return {
    label: '审核状态 Review state',
    // Strapi's header status slot (typed @internal in 5.54): a badge, not a button.
    _status: {
      message: (
        <Badge background={colours.background} textColor={colours.text} data-testid="review-state-header">
          {headerLabelOf(status)}
        </Badge>
      ),
    },
  };
};
