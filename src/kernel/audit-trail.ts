import type { Core } from '@strapi/strapi';
import { WORKFLOW_UID } from '../constants';
import type { Actor } from './actor';

/**
 * The audit trail's writer: review steps, releases, channel pushes, media changes and
 * participation all append here. Reading a trail (a document's history, the approvals of a
 * review cycle) is the workflow's (src/workflow/audit-trail.ts).
 */
export type AuditAction =
  | 'submit'
  | 'approve'
  | 'request_changes'
  | 'system_approve'
  | 'override_approve'
  | 'withdraw_approval'
  | 'edited'
  | 'discarded'
  | 'schedule'
  | 'publish'
  | 'unpublish'
  | 'delete'
  | 'expire'
  | 'media_upload'
  | 'media_replace'
  | 'media_update'
  | 'media_delete'
  | 'staff_import'
  | 'staff_invitation'
  | 'staff_password_set'
  | 'contribution_submit'
  | 'contribution_edit'
  | 'contribution_adopt'
  | 'contribution_decline'
  | 'points_award'
  | 'opinion_send'
  | 'opinion_answer'
  | 'opinion_rate'
  | 'opinion_propose_qa'
  | 'opinion_escalate'
  | ChannelAuditAction;

/**
 * A channel's own action, `<channel>_<what>` (`wechat_draft`): each channel lists its own, and
 * the audit entry's enumeration is extended with them at register (src/channels/channel-schema).
 */
export type ChannelAuditAction = `${string}_${string}`;

export type AuditRecord = {
  action: AuditAction;
  actor: Actor;
  fromState?: string | null;
  toState?: string | null;
  stageIndex?: number | null;
  stageName?: string | null;
  cycle?: number | null;
  comment?: string | null;
  contentHash?: string | null;
  details?: Record<string, unknown> | null;
};

/** What an entry is about: a document locale, or a media file (`plugin::upload.file`). */
export type AuditSubject = { uid: string; documentId: string; locale: string };

export const recordAudit = async (strapi: Core.Strapi, ref: AuditSubject, record: AuditRecord) => {
  const { actor, ...fields } = record;
  return strapi.db.query(WORKFLOW_UID.auditEntry).create({
    data: {
      ...fields,
      // A staff member is named by their staff member id, unless they took part anonymously (null).
      ...(actor.type === 'staff' && actor.staffMemberId !== null
        ? { details: { ...fields.details, staffMemberId: actor.staffMemberId } }
        : {}),
      contentType: ref.uid,
      targetDocumentId: ref.documentId,
      targetLocale: ref.locale,
      actorType: actor.type,
      actorId: actor.type === 'user' ? actor.id : null,
      actorName: actor.name,
    },
  });
};
