import type { Core, Modules } from '@strapi/strapi';
import type { DocumentRef } from './review-states';
import type { Actor } from './actor';
import { refuse } from './workflow-error';

export const AUDIT_ENTRY_UID = 'api::workflow.audit-entry';

export type AuditAction =
  | 'submit'
  | 'approve'
  | 'request_changes'
  | 'system_approve'
  | 'override_approve'
  | 'edited'
  | 'schedule'
  | 'publish'
  | 'unpublish'
  | 'delete'
  | 'expire'
  | 'wechat_draft'
  | 'wechat_submit'
  | 'wechat_status'
  | 'wechat_error'
  | 'media_upload'
  | 'media_replace'
  | 'media_update'
  | 'media_delete';

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

export const recordAudit = async (strapi: Core.Strapi, ref: DocumentRef, record: AuditRecord) => {
  const { actor, ...fields } = record;
  return strapi.db.query(AUDIT_ENTRY_UID as never).create({
    data: {
      ...fields,
      contentType: ref.uid,
      targetDocumentId: ref.documentId,
      targetLocale: ref.locale,
      actorType: actor.type,
      actorId: actor.type === 'user' ? actor.id : null,
      actorName: actor.name,
    },
  });
};

export const auditTrail = async (strapi: Core.Strapi, ref: DocumentRef) =>
  strapi.db.query(AUDIT_ENTRY_UID as never).findMany({
    where: { contentType: ref.uid, targetDocumentId: ref.documentId, targetLocale: ref.locale },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });

/** Approvals given in the current review cycle: the four-eyes rule looks at these. */
export const approvalsInCycle = async (strapi: Core.Strapi, ref: DocumentRef, cycle: number) =>
  (await auditTrail(strapi, ref)).filter(
    (entry: { action: string; cycle: number }) => ['approve', 'override_approve'].includes(entry.action) && entry.cycle === cycle
  ) as Array<{ actorId: number | null; stageIndex: number; contentHash: string }>;

/** The trail is append-only for everyone, super admins included, on every Document Service path. */
export const appendOnlyAudit: Modules.Documents.Middleware.Middleware = async (context, next) => {
  if (context.uid === AUDIT_ENTRY_UID && context.action !== 'create' && !['findOne', 'findMany', 'findFirst', 'count'].includes(context.action)) {
    throw refuse('审核记录只能追加，不能修改或删除', 'The audit trail is append-only: entries cannot be changed or deleted');
  }
  return next();
};
