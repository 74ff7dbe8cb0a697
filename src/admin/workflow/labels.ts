import { contentTypes } from '../../content/registry';

/** Bilingual labels: editors and reviewers work in Chinese; the English helps partners and developers. */
export const STATE_LABELS: Record<string, string> = {
  draft: '草稿 Draft',
  in_review: '审核中 In review',
  approved: '已通过 Approved',
  changes_requested: '退回修改 Changes requested',
  published: '已发布 Published',
  unpublished: '已下线 Unpublished',
};

export const STATE_BADGE: Record<string, { background: string; text: string }> = {
  draft: { background: 'neutral150', text: 'neutral700' },
  in_review: { background: 'secondary100', text: 'secondary700' },
  approved: { background: 'success100', text: 'success700' },
  changes_requested: { background: 'danger100', text: 'danger700' },
  published: { background: 'success200', text: 'success700' },
  unpublished: { background: 'warning100', text: 'warning700' },
};

export const AUDIT_LABELS: Record<string, string> = {
  submit: '送审 Submitted',
  approve: '通过 Approved',
  override_approve: '越权通过 Override approval',
  withdraw_approval: '撤回通过 Approval withdrawn',
  system_approve: '系统通过 System approval',
  request_changes: '退回 Changes requested',
  edited: '修改内容 Edited',
  discarded: '放弃修改 Changes discarded',
  schedule: '定时 Schedule',
  publish: '发布 Published',
  unpublish: '下线 Unpublished',
  delete: '删除 Deleted',
  expire: '过期 Expired',
};

export const ACTION_LABELS = {
  submit: '提交审核 Submit for review',
  approve: '审核通过 Approve',
  withdrawApproval: '撤回我的通过 Withdraw my approval',
  requestChanges: '退回修改 Request changes',
} as const;

/** Each content type's name, from its descriptor (src/content: pure data the panel can bundle). */
export const TYPE_LABELS: Record<string, string> = Object.fromEntries(
  contentTypes().map(({ uid, labels }) => [uid, `${labels.zh} ${labels.en}`]),
);

/** Where a scheduled release stands, as the calendar says it. */
export const READINESS_LABELS: Record<string, { text: string; background: string; color: string }> =
  {
    done: { text: '已完成 Done', background: 'neutral150', color: 'neutral700' },
    approved: {
      text: '已通过，待发布 Approved, waiting',
      background: 'success100',
      color: 'success700',
    },
    scheduled: { text: '定时下线 Scheduled', background: 'secondary100', color: 'secondary700' },
    in_review: {
      text: '审核中，可能误时 In review, at risk',
      background: 'warning100',
      color: 'warning700',
    },
    not_submitted: {
      text: '未送审，可能误时 Not submitted, at risk',
      background: 'danger100',
      color: 'danger700',
    },
    not_live: { text: '未上线 Not live', background: 'neutral150', color: 'neutral600' },
  };
