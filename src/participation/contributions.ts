import fs from 'fs/promises';
import os from 'os';
import path from 'path';
import sharp from 'sharp';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../constants';
import { pageUrl, siteOf } from '../channels/web/site';
import { documentInput } from '../documents/document-input';
import { kindOfExtension } from '../media/media-kinds';
import { inOrderSent } from '../media/sent-order';
import type { Actor } from '../kernel/actor';
import { recordAudit } from '../kernel/audit-trail';
import {
  PARTICIPATION_UID,
  type ContributionRecord,
  type ContributionView,
  type StoredPhoto,
} from './participation-types';
import { contributionFolder } from './contribution-photos';
import { awardPoints } from './points-ledger';
import type { StaffMember } from './staff-accounts';
import { publishedBySlug, publishedNames } from './taxonomy-names';
import { fieldError } from './field-error';

export const MAX_TITLE = 64;
export const MAX_BODY = 20000;

/** A file as the multipart parser hands it over (formidable). */
export type SentFile = {
  filepath: string;
  originalFilename?: string | null;
  mimetype?: string | null;
  size: number;
  sentOrder?: number;
};

/** The fields of a contribution as a staff member sends them (multipart form fields, or JSON for an edit). */
export type ContributionFields = {
  title?: unknown;
  body?: unknown;
  organization?: unknown;
  category?: unknown;
  consentToBeNamed?: unknown;
};

type ContributionRow = ContributionRecord & {
  images?: StoredPhoto[];
  contributor?: { id: number } | null;
};

/** What a contributor sees of their contribution. */
export type MyContribution = {
  documentId: string;
  title: string;
  body: string;
  state: ContributionView;
  declineReason: string | null;
  organization: string;
  category: string | null;
  consentToBeNamed: boolean;
  images: Array<{ url: string; thumbnailUrl: string }>;
  articleUrl: string | null;
  submittedAt: string;
  handledAt: string | null;
  editable: boolean;
};

/**
 * A contribution's photos in the order they were sent: they are stored one after another, so by
 * id (a populated media list comes back in no particular order on PostgreSQL).
 */
export const inSentOrder = <Photo extends { id: number }>(images: Photo[] | undefined): Photo[] =>
  [...(images ?? [])].sort((a, b) => a.id - b.id);

const text = (value: unknown) =>
  typeof value === 'string'
    ? value
    : Array.isArray(value) && typeof value[0] === 'string'
      ? value[0]
      : undefined;

// Control characters other than line breaks and tabs have no place in plain paragraphs.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const plain = (value: string) => value.replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();

const booleanField = (field: string, value: unknown, fallback: boolean): boolean => {
  const sent = text(value) ?? (typeof value === 'boolean' ? String(value) : undefined);
  if (sent === undefined || sent === '') return fallback;
  if (sent === 'true' || sent === '1') return true;
  if (sent === 'false' || sent === '0') return false;
  throw fieldError(field, 'must be true or false');
};

/** A published taxonomy item's documentId by its slug, or a 400 naming the field. */
const taxonomyBySlug = async (
  strapi: Core.Strapi,
  uid: typeof UID.organization | typeof UID.category,
  field: string,
  slug: string,
): Promise<string> => {
  const found = await publishedBySlug(strapi, uid, slug);
  if (!found) throw fieldError(field, `no published ${field} has this slug`);
  return found.documentId;
};

export type CheckedFields = {
  title?: string;
  body?: string;
  organizationDocumentId?: string;
  categoryDocumentId?: string | null;
  consentToBeNamed?: boolean;
};

/** Checks what was sent; `complete` when every required field must be there (a new contribution). */
const checkedFields = async (
  strapi: Core.Strapi,
  fields: ContributionFields,
  complete: boolean,
  member: StaffMember,
): Promise<CheckedFields> => {
  const checked: CheckedFields = {};
  const title = text(fields.title);
  if (title !== undefined || complete) {
    const value = plain(title ?? '').replace(/\s+/g, ' ');
    if (value === '') throw fieldError('title', 'is required');
    if (value.length > MAX_TITLE)
      throw fieldError(
        'title',
        `may have at most ${MAX_TITLE} characters (it has ${value.length})`,
      );
    checked.title = value;
  }
  const body = text(fields.body);
  if (body !== undefined || complete) {
    const value = plain(body ?? '');
    if (value === '') throw fieldError('body', 'is required');
    if (value.length > MAX_BODY)
      throw fieldError('body', `may have at most ${MAX_BODY} characters (it has ${value.length})`);
    checked.body = value;
  }
  const organization = text(fields.organization);
  if (organization !== undefined && organization !== '')
    checked.organizationDocumentId = await taxonomyBySlug(
      strapi,
      UID.organization,
      'organization',
      organization,
    );
  else if (complete) {
    if (!member.organizationDocumentId)
      throw fieldError('organization', 'is required: you belong to no organization');
    checked.organizationDocumentId = member.organizationDocumentId;
  }
  const category = text(fields.category);
  if (category !== undefined)
    checked.categoryDocumentId =
      category === '' ? null : await taxonomyBySlug(strapi, UID.category, 'category', category);
  if (fields.consentToBeNamed !== undefined || complete)
    checked.consentToBeNamed = booleanField('consentToBeNamed', fields.consentToBeNamed, false);
  return checked;
};

/** Up to `maxImages` images, each an image by its name (the upload guard has checked that it really is one) and within the size limit. */
const checkedImages = (strapi: Core.Strapi, files: SentFile[]): SentFile[] => {
  const { maxImages, maxImageMb } = strapi.config.get<{
    maxImages: number;
    maxImageMb: number;
  }>('participation.contribution');
  if (files.length > maxImages)
    throw fieldError('images', `at most ${maxImages} images (${files.length} were sent)`);
  for (const file of files) {
    const name = file.originalFilename || path.basename(file.filepath);
    if (kindOfExtension(path.extname(name).toLowerCase()) !== 'image')
      throw fieldError('images', `“${name}” is not an image (JPEG, PNG, GIF or WebP)`);
    if (file.size > maxImageMb * 1024 * 1024)
      throw fieldError('images', `“${name}” is larger than ${maxImageMb} MB`);
  }
  return files;
};

/**
 * A photo as it may be kept and, once adopted, published: turned upright and re-encoded without
 * its metadata (a phone's EXIF holds where and when it was taken, and the device), under a
 * neutral name instead of the one on the phone. GIFs carry no EXIF and keep their frames.
 */
const withoutPersonalData = async (
  file: SentFile,
  workDir: string,
  number: number,
): Promise<SentFile> => {
  const extension = path.extname(file.originalFilename || file.filepath).toLowerCase();
  const originalFilename = `contribution-photo-${number}${extension}`;
  if (extension === '.gif') return { ...file, originalFilename };
  const filepath = path.join(workDir, originalFilename);
  try {
    await sharp(file.filepath).rotate().toFile(filepath);
  } catch {
    // The upload guard read its header; the whole image could not be decoded (cut short, corrupt).
    throw fieldError(
      'images',
      `“${file.originalFilename ?? originalFilename}” could not be read as an image: it may be incomplete`,
    );
  }
  const { size } = await fs.stat(filepath);
  return { filepath, originalFilename, mimetype: file.mimetype, size };
};

const staffActor = (member: StaffMember): Actor => ({
  type: 'staff',
  staffMemberId: member.id,
  name: member.name,
});

const contributionRef = (documentId: string) => ({
  uid: PARTICIPATION_UID.contribution,
  documentId,
  locale: '*',
});

/** A checked contribution filed in the inbox (received), on the trail, with its `submitted` points: one transaction. */
export const fileContribution = async (
  strapi: Core.Strapi,
  member: StaffMember,
  checked: CheckedFields,
  imageIds: number[],
): Promise<string> =>
  strapi.db.transaction(async () => {
    const row = await strapi.documents(PARTICIPATION_UID.contribution).create({
      data: documentInput(PARTICIPATION_UID.contribution, {
        ...checked,
        contributor: member.id,
        contributionState: 'received',
        images: imageIds,
      }),
    });
    await recordAudit(strapi, contributionRef(row.documentId), {
      action: 'contribution_submit',
      actor: staffActor(member),
      toState: 'received',
      details: { title: checked.title, images: imageIds.length },
    });
    await awardPoints(strapi, {
      event: 'submitted',
      member,
      contributionDocumentId: row.documentId,
    });
    return row.documentId;
  });

/**
 * A staff member sends in a contribution with up to nine photos, in one request: the photos are
 * stored only if the contribution is, so a refusal leaves nothing behind. It lands in the
 * editors' inbox (received) and earns the `submitted` points.
 */
export const submitContribution = async (
  strapi: Core.Strapi,
  member: StaffMember,
  fields: ContributionFields,
  files: SentFile[],
): Promise<MyContribution> => {
  const checked = await checkedFields(strapi, fields, true, member);
  const images = checkedImages(strapi, inOrderSent(files));
  const upload = strapi.plugin('upload').service('upload');
  const stored: Array<{ id: number }> = [];
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'contribution-'));
  const folder = await contributionFolder(strapi);
  try {
    for (const [index, image] of images.entries()) {
      const [file] = await upload.upload({
        data: { fileInfo: { folder: folder.id } },
        files: await withoutPersonalData(image, workDir, index + 1),
      });
      stored.push(file);
    }
    const documentId = await fileContribution(
      strapi,
      member,
      checked,
      stored.map((file) => file.id),
    );
    return (await myContribution(strapi, member, documentId))!;
  } catch (error) {
    for (const file of stored) await upload.remove(file).catch(() => undefined);
    throw error;
  } finally {
    await fs.rm(workDir, { recursive: true, force: true });
  }
};

const readContribution = async (
  strapi: Core.Strapi,
  where: Record<string, unknown>,
): Promise<ContributionRow | null> =>
  (await strapi.db.query(PARTICIPATION_UID.contribution).findOne({
    where,
    populate: { images: true, contributor: { select: ['id'] } },
  })) as ContributionRow | null;

/** The contributor's own contribution, or a 404: someone else's is as unknown as one that does not exist. */
const ownContribution = async (
  strapi: Core.Strapi,
  member: StaffMember,
  documentId: string,
): Promise<ContributionRow> => {
  const row = await readContribution(strapi, { documentId, contributor: { id: member.id } });
  if (!row) throw new errors.NotFoundError('No such contribution of yours');
  return row;
};

/** A contributor changes their contribution's text while it waits in the inbox; once handled it is the editors'. */
export const editContribution = async (
  strapi: Core.Strapi,
  member: StaffMember,
  documentId: string,
  fields: ContributionFields,
): Promise<MyContribution> => {
  const row = await ownContribution(strapi, member, documentId);
  if (row.contributionState !== 'received')
    throw new errors.ApplicationError(
      '已处理的投稿不能再修改 / A contribution that has been handled can no longer be changed',
      { code: 'CONTRIBUTION_HANDLED' },
    );
  const checked = await checkedFields(strapi, fields, false, member);
  if (Object.keys(checked).length === 0)
    throw fieldError(
      'title',
      'nothing to change: send title, body, organization, category or consentToBeNamed',
    );
  // Only what differs is written: a consent sent again unchanged must not move what the screens show (screen-rankings.ts).
  const changes = Object.fromEntries(
    Object.entries(checked).filter(
      ([field, value]) => (row as Record<string, unknown>)[field] !== value,
    ),
  );
  if (Object.keys(changes).length === 0) return (await myContribution(strapi, member, documentId))!;
  await strapi.db.transaction(async () => {
    // Only while still received: an editor handling it at this moment wins.
    const changed = await strapi.db
      .query(PARTICIPATION_UID.contribution)
      .updateMany({ where: { id: row.id, contributionState: 'received' }, data: changes });
    if (changed.count === 0)
      throw new errors.ApplicationError(
        '已处理的投稿不能再修改 / A contribution that has been handled can no longer be changed',
        { code: 'CONTRIBUTION_HANDLED' },
      );
    await recordAudit(strapi, contributionRef(documentId), {
      action: 'contribution_edit',
      actor: staffActor(member),
      fromState: 'received',
      toState: 'received',
      details: { fields: Object.keys(changes) },
    });
  });
  return (await myContribution(strapi, member, documentId))!;
};

/** Live articles among `documentIds`, with the slug and locale their public page is at. */
const liveArticles = async (
  strapi: Core.Strapi,
  documentIds: string[],
): Promise<Map<string, { slug: string; locale: string }>> => {
  if (documentIds.length === 0) return new Map();
  const rows = (await strapi.db.query(UID.article).findMany({
    where: { documentId: { $in: documentIds }, publishedAt: { $notNull: true } },
    select: ['documentId', 'slug', 'locale'],
  })) as Array<{ documentId: string; slug: string; locale: string }>;
  const live = new Map<string, { slug: string; locale: string }>();
  for (const row of rows)
    if (!live.has(row.documentId) || row.locale === 'zh-CN') live.set(row.documentId, row);
  return live;
};

const viewsOf = async (strapi: Core.Strapi, rows: ContributionRow[]): Promise<MyContribution[]> => {
  const organizations = await publishedNames(strapi, UID.organization, [
    ...new Set(rows.map((row) => row.organizationDocumentId)),
  ]);
  const categories = await publishedNames(strapi, UID.category, [
    ...new Set(rows.flatMap((row) => (row.categoryDocumentId ? [row.categoryDocumentId] : []))),
  ]);
  const articles = await liveArticles(
    strapi,
    rows.flatMap((row) => (row.articleDocumentId ? [row.articleDocumentId] : [])),
  );
  const site = siteOf(strapi, null);
  return rows.map((row) => {
    const article = row.articleDocumentId ? articles.get(row.articleDocumentId) : undefined;
    return {
      documentId: row.documentId,
      title: row.title,
      body: row.body,
      state: article ? 'published' : row.contributionState,
      declineReason: row.contributionState === 'declined' ? row.declineReason : null,
      organization: organizations.get(row.organizationDocumentId) ?? '',
      category: row.categoryDocumentId ? (categories.get(row.categoryDocumentId) ?? null) : null,
      consentToBeNamed: row.consentToBeNamed,
      images: inSentOrder(row.images).map((image) => ({
        url: image.url,
        thumbnailUrl: image.formats?.thumbnail?.url ?? image.url,
      })),
      articleUrl:
        article && strapi.config.get('website.linksForPeople') === true
          ? pageUrl(site, 'articles', article.locale, article.slug)
          : null,
      submittedAt: row.createdAt,
      handledAt: row.handledAt,
      editable: row.contributionState === 'received',
    };
  });
};

export const myContribution = async (
  strapi: Core.Strapi,
  member: StaffMember,
  documentId: string,
): Promise<MyContribution | null> => {
  const row = await readContribution(strapi, { documentId, contributor: { id: member.id } });
  return row ? (await viewsOf(strapi, [row]))[0] : null;
};

/** A staff member's own contributions, newest first. */
export const myContributions = async (
  strapi: Core.Strapi,
  member: StaffMember,
  { page, pageSize }: { page: number; pageSize: number },
): Promise<{ items: MyContribution[]; total: number }> => {
  const where = { contributor: { id: member.id } };
  const [rows, total] = await Promise.all([
    strapi.db.query(PARTICIPATION_UID.contribution).findMany({
      where,
      populate: { images: true },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      offset: (page - 1) * pageSize,
      limit: pageSize,
    }) as Promise<ContributionRow[]>,
    strapi.db.query(PARTICIPATION_UID.contribution).count({ where }),
  ]);
  return { items: await viewsOf(strapi, rows), total };
};
