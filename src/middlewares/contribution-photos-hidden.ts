import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { contributionFolder } from '../participation/contribution-photos';

type FileRow = { id: number };
type MediaContext = { params: { id?: string }; body: unknown };

/**
 * Route middleware of the upload plugin's Content API reads (`GET /api/upload/files[/:id]`,
 * full-access tokens only): photos staff sent in are not listed or read there. Until an editor
 * adopts one and its article is released, they are nobody's business outside the admin panel;
 * a released article carries its cover as any article does.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: MediaContext, next: () => Promise<void>) => {
    await next();
    // The answer is sanitised (no folder in it): which of its files are contribution photos is asked of the database.
    const files: FileRow[] = Array.isArray(ctx.body) ? ctx.body : Array.isArray((ctx.body as { results?: unknown } | null)?.results) ? (ctx.body as { results: FileRow[] }).results : ctx.body && typeof ctx.body === 'object' && 'id' in ctx.body ? [ctx.body as FileRow] : [];
    if (files.length === 0) return;
    const folder = await contributionFolder(strapi);
    const hidden = new Set(
      ((await strapi.db.query('plugin::upload.file').findMany({ where: { id: { $in: files.map((file) => file.id) }, $or: [{ folderPath: folder.path }, { folderPath: { $startsWith: `${folder.path}/` } }] }, select: ['id'] })) as FileRow[]).map((file) => file.id)
    );
    if (hidden.size === 0) return;
    if (Array.isArray(ctx.body)) ctx.body = (ctx.body as FileRow[]).filter((file) => !hidden.has(file.id));
    else if (Array.isArray((ctx.body as { results?: unknown }).results)) ctx.body = { ...(ctx.body as object), results: (ctx.body as { results: FileRow[] }).results.filter((file) => !hidden.has(file.id)) };
    else throw new errors.NotFoundError('File not found');
  };
