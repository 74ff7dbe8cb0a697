import type { Core } from '@strapi/strapi';
import { WORKFLOW_UID } from '../constants';
import type { DocumentMiddleware } from '../documents/document-middlewares';
import { columnOf, type DocumentRef } from '../documents/document-rows';
import type { AuditEntry } from './contracts';
import type { Approval } from './transitions';
import { refuse } from './workflow-error';

/**
 * Indexes of the trail Strapi's schema does not make: a document locale's history, and one kind
 * of entry of a subject (a staff member's password settings, asked on every staff request), were
 * each a read of the whole table, which grows with every edit, upload and opinion.
 */
export const ensureAuditIndexes = async (strapi: Core.Strapi): Promise<void> => {
  const { tableName } = strapi.db.metadata.get(WORKFLOW_UID.auditEntry);
  const column = (attribute: string) => columnOf(strapi, WORKFLOW_UID.auditEntry, attribute);
  const knex = strapi.db.connection;
  await knex.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??, ??, ??)', [
    `${tableName}_subject_idx`,
    tableName,
    column('contentType'),
    column('targetDocumentId'),
    column('targetLocale'),
  ]);
  await knex.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??, ??, ??, ??)', [
    `${tableName}_subject_action_idx`,
    tableName,
    column('contentType'),
    column('targetDocumentId'),
    column('action'),
    column('createdAt'),
  ]);
};

export const auditTrail = async (
  strapi: Core.Strapi,
  ref: DocumentRef,
  where: Record<string, unknown> = {},
): Promise<AuditEntry[]> =>
  strapi.db.query(WORKFLOW_UID.auditEntry).findMany({
    where: {
      contentType: ref.uid,
      targetDocumentId: ref.documentId,
      targetLocale: ref.locale,
      ...where,
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });

/** The entries of a trail in the order they were written: ids, not clocks, which may differ between instances. */
const entriesInWriteOrder = async (
  strapi: Core.Strapi,
  ref: DocumentRef,
  where: Record<string, unknown>,
): Promise<AuditEntry[]> =>
  strapi.db.query(WORKFLOW_UID.auditEntry).findMany({
    where: {
      contentType: ref.uid,
      targetDocumentId: ref.documentId,
      targetLocale: ref.locale,
      ...where,
    },
    orderBy: { id: 'asc' },
  });

/** Approvals of the current review cycle that still stand, oldest first: the four-eyes rule looks at these. */
export const approvalsInCycle = async (
  strapi: Core.Strapi,
  ref: DocumentRef,
  cycle: number,
): Promise<Approval[]> => {
  const entries = await entriesInWriteOrder(strapi, ref, {
    cycle,
    action: { $in: ['approve', 'override_approve', 'withdraw_approval'] },
  });
  const withdrawn = new Set(
    entries
      .filter((entry) => entry.action === 'withdraw_approval')
      .map((entry) => entry.details?.withdrawnEntryId),
  );
  return entries
    .filter((entry) => entry.action !== 'withdraw_approval' && !withdrawn.has(entry.id))
    .map((entry) => ({
      entryId: entry.id,
      actorId: entry.actorId,
      stageIndex: entry.stageIndex ?? 0,
    }));
};

/** The trail is append-only for everyone, super admins included, on every Document Service path. */
export const appendOnlyAudit: DocumentMiddleware = async (context, next) => {
  if (
    context.uid === WORKFLOW_UID.auditEntry &&
    context.action !== 'create' &&
    !['findOne', 'findMany', 'findFirst', 'count'].includes(context.action)
  ) {
    throw refuse(
      '审核记录只能追加，不能修改或删除',
      'The audit trail is append-only: entries cannot be changed or deleted',
    );
  }
  return next();
};
