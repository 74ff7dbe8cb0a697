import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DEFAULT_LOCALE, UID } from '../constants';
import { documentInput } from '../documents/document-input';
import type { UserActor } from '../kernel/actor';
import { recordAudit } from '../kernel/audit-trail';
import {
  PARTICIPATION_UID,
  type ContributionRecord,
  type ContributionState,
  type StoredPhoto,
} from './participation-types';
import { inSentOrder } from './contributions';
import { awardPoints } from './points-ledger';
import { findStaffMember } from './staff-accounts';
import { publishedOrganization } from './taxonomy-names';
import { fieldError } from './field-error';

export const MAX_DECLINE_REASON = 500;

type InboxRow = ContributionRecord & {
  images?: StoredPhoto[];
  contributor?: {
    id: number;
    name: string;
    employeeNumber: string;
    correspondent: boolean;
    phone: string | null;
  } | null;
};

/** A contribution as editors see it in the inbox: who sent it (they handle it, so they may contact the person), and what became of it. */
export type InboxItem = Omit<InboxRow, 'id' | 'contributor'> & {
  contributor: {
    name: string;
    employeeNumber: string;
    correspondent: boolean;
    phone: string | null;
  } | null;
};

const CONTRIBUTOR_FIELDS = ['id', 'name', 'employeeNumber', 'correspondent', 'phone'];

const inboxItem = ({ id: _id, contributor, images, ...row }: InboxRow): InboxItem => ({
  ...row,
  images: inSentOrder(images),
  contributor: contributor
    ? {
        name: contributor.name,
        employeeNumber: contributor.employeeNumber,
        correspondent: contributor.correspondent,
        phone: contributor.phone,
      }
    : null,
});

/** The inbox, newest first, optionally of one state. */
export const inbox = async (
  strapi: Core.Strapi,
  { state, page, pageSize }: { state?: ContributionState; page: number; pageSize: number },
): Promise<{ items: InboxItem[]; total: number }> => {
  const where = state ? { contributionState: state } : {};
  const query = strapi.db.query(PARTICIPATION_UID.contribution);
  const [rows, total] = await Promise.all([
    query.findMany({
      where,
      populate: { images: true, contributor: { select: CONTRIBUTOR_FIELDS } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      offset: (page - 1) * pageSize,
      limit: pageSize,
    }) as Promise<InboxRow[]>,
    query.count({ where }),
  ]);
  return { items: rows.map(inboxItem), total };
};

const readInboxRow = async (strapi: Core.Strapi, documentId: string): Promise<InboxRow> => {
  const row = (await strapi.db.query(PARTICIPATION_UID.contribution).findOne({
    where: { documentId },
    populate: { images: true, contributor: { select: CONTRIBUTOR_FIELDS } },
  })) as InboxRow | null;
  if (!row) throw new errors.NotFoundError('No such contribution');
  return row;
};

const alreadyHandled = (row: InboxRow) =>
  new errors.ApplicationError(
    `这篇投稿已处理（${row.contributionState === 'adopted' ? '已采用' : '已退稿'}）/ This contribution has already been ${row.contributionState}`,
    { code: 'CONTRIBUTION_HANDLED', state: row.contributionState },
  );

/** Marks a received contribution handled, unless someone handled it meanwhile (then nothing is written and the caller's transaction rolls back). */
const markHandled = async (strapi: Core.Strapi, row: InboxRow, data: Record<string, unknown>) => {
  const changed = await strapi.db
    .query(PARTICIPATION_UID.contribution)
    .updateMany({ where: { id: row.id, contributionState: 'received' }, data });
  if (changed.count === 0) throw alreadyHandled(await readInboxRow(strapi, row.documentId));
};

type ParagraphBlock = { type: 'paragraph'; children: Array<{ type: 'text'; text: string }> };
type ImageBlock = { type: 'image'; image: StoredPhoto; children: [{ type: 'text'; text: '' }] };

/** Plain paragraphs (blank lines or line breaks between them) as the article's rich text. */
const paragraphs = (body: string) =>
  body
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line): ParagraphBlock => ({
      type: 'paragraph',
      children: [{ type: 'text', text: line }],
    }));

/** The photos after the first (the cover) follow the text, as image blocks carry them. */
const imageBlocks = (images: NonNullable<InboxRow['images']>) =>
  images.map((image): ImageBlock => ({
    type: 'image',
    image,
    children: [{ type: 'text', text: '' }],
  }));

/**
 * 采用: a draft article in zh-CN made from the contribution (title, text, photos: the first as
 * cover; the organization's name as source; the contributor's name as author only if they
 * consented to be named), linked both ways, created as the editor. It then goes through the
 * normal review chain like anything the editor writes; nothing is released here.
 */
export const adoptContribution = async (
  strapi: Core.Strapi,
  documentId: string,
  editor: UserActor,
): Promise<{ articleDocumentId: string }> => {
  const seen = await readInboxRow(strapi, documentId);
  if (seen.contributionState !== 'received') throw alreadyHandled(seen);
  return strapi.db.transaction(async () => {
    // Handled first, then read again: the article is made from the contribution as it is once
    // no edit can come after (an edit the contributor saved meanwhile, a consent withdrawn, counts).
    await markHandled(strapi, seen, {
      contributionState: 'adopted',
      handledById: editor.id,
      handledAt: new Date(),
    });
    const row = await readInboxRow(strapi, documentId);
    const organization = await publishedOrganization(strapi, {
      documentId: row.organizationDocumentId,
    });
    const [cover, ...more] = inSentOrder(row.images);
    const article = await strapi.documents(UID.article).create({
      locale: DEFAULT_LOCALE,
      data: documentInput(UID.article, {
        title: row.title,
        body: [...paragraphs(row.body), ...imageBlocks(more)],
        cover: cover?.id ?? null,
        author: row.consentToBeNamed && row.contributor ? row.contributor.name : null,
        source: organization?.name ?? null,
        category: row.categoryDocumentId ?? null,
        createdBy: editor.id,
        updatedBy: editor.id,
      }),
    });
    await strapi.db
      .query(PARTICIPATION_UID.contribution)
      .update({ where: { id: row.id }, data: { articleDocumentId: article.documentId } });
    await recordAudit(
      strapi,
      { uid: PARTICIPATION_UID.contribution, documentId, locale: '*' },
      {
        action: 'contribution_adopt',
        actor: editor,
        fromState: 'received',
        toState: 'adopted',
        details: { articleDocumentId: article.documentId },
      },
    );
    await recordAudit(
      strapi,
      { uid: UID.article, documentId: article.documentId, locale: DEFAULT_LOCALE },
      {
        action: 'contribution_adopt',
        actor: editor,
        toState: 'draft',
        details: { contributionDocumentId: documentId },
      },
    );
    const member = row.contributor
      ? await findStaffMember(strapi, { id: row.contributor.id })
      : null;
    if (member)
      await awardPoints(strapi, {
        event: 'adopted',
        member,
        contributionDocumentId: documentId,
        articleDocumentId: article.documentId,
      });
    return { articleDocumentId: article.documentId };
  });
};

/** 退稿: declined with a reason the contributor reads. Its photos are deleted: nothing of it will be used. */
export const declineContribution = async (
  strapi: Core.Strapi,
  documentId: string,
  reason: unknown,
  editor: UserActor,
): Promise<void> => {
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (text === '')
    throw fieldError(
      'reason',
      '请写明退稿理由，投稿人会看到 / is required: the contributor reads it',
    );
  if (text.length > MAX_DECLINE_REASON)
    throw fieldError('reason', `may have at most ${MAX_DECLINE_REASON} characters`);
  const row = await readInboxRow(strapi, documentId);
  if (row.contributionState !== 'received') throw alreadyHandled(row);
  await strapi.db.transaction(async () => {
    await markHandled(strapi, row, {
      contributionState: 'declined',
      declineReason: text,
      handledById: editor.id,
      handledAt: new Date(),
    });
    // Let go of the photos first: the media guard keeps files that any entry still uses.
    await strapi.db
      .query(PARTICIPATION_UID.contribution)
      .update({ where: { id: row.id }, data: { images: [] } });
    await recordAudit(
      strapi,
      { uid: PARTICIPATION_UID.contribution, documentId, locale: '*' },
      {
        action: 'contribution_decline',
        actor: editor,
        fromState: 'received',
        toState: 'declined',
        comment: text,
        details: { photosDeleted: row.images?.length ?? 0 },
      },
    );
  });
  // Once the decline is committed (a file removed cannot be rolled back).
  const upload = strapi.plugin('upload').service('upload');
  for (const image of row.images ?? []) {
    await upload
      .remove(await strapi.db.query('plugin::upload.file').findOne({ where: { id: image.id } }))
      .catch((error: Error) =>
        strapi.log.warn(
          `A declined contribution's photo ${image.id} was not deleted: ${error.message}`,
        ),
      );
  }
};
