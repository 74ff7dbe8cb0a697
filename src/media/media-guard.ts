import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { currentActor } from '../workflow/actor';
import { recordAudit, type AuditAction } from '../kernel/audit-trail';
import { addPluginRoutePolicy } from '../access/plugin-route-policy';
import { FILE_UID, liveOwnersOfRow, liveUsesOfFile } from './live-usage';

type FileRow = {
  id: number;
  documentId?: string;
  name?: string;
  alternativeText?: string | null;
  caption?: string | null;
  focalPoint?: unknown;
  hash?: string;
  url?: string;
  mime?: string;
  size?: number;
};
type FileInfo = Partial<Pick<FileRow, 'name' | 'alternativeText' | 'caption' | 'focalPoint'>> & {
  folder?: unknown;
};
type UploadService = {
  findOne: (id: number) => Promise<FileRow | null>;
  upload: (...args: unknown[]) => Promise<FileRow | FileRow[]>;
  replace: (id: number, input: unknown, options?: unknown) => Promise<FileRow>;
  updateFileInfo: (id: number, info: FileInfo, options?: unknown) => Promise<FileRow>;
  remove: (file: FileRow) => Promise<FileRow>;
};
type FileService = { deleteByIds: (ids: number[]) => Promise<FileRow[]> };

// What readers see of a file besides its bytes; its folder is the library's own filing.
const SHOWN_FIELDS = ['name', 'alternativeText', 'caption', 'focalPoint'] as const;

/**
 * A 409 naming the live items, so the editor knows which versions to revise with a new file.
 * Strapi answers an HttpError with its own status; its class is abstract (http-errors), so the
 * error is made on its prototype rather than through its constructor.
 */
const conflict = (message: string, details: Record<string, unknown>): Error =>
  Object.assign(Object.create(errors.HttpError.prototype) as Error, {
    name: 'ConflictError',
    status: 409,
    statusCode: 409,
    expose: true,
    message,
    details,
    stack: new Error(message).stack,
  });

const assertNotLive = async (strapi: Core.Strapi, fileId: number, change: string) => {
  const uses = await liveUsesOfFile(strapi, fileId);
  if (uses.length === 0) return;
  const names = uses
    .map((use) => `“${use.title}”${use.locale ? ` (${use.locale})` : ''}`)
    .join('、');
  throw conflict(
    `文件正被已发布内容使用，不能${change === 'replace' ? '替换' : change === 'delete' ? '删除' : '修改'}：${names}。请上传新文件并在新版本中引用，经审核后发布 / ` +
      `This file is used by published content (${names}); it cannot be ${change === 'replace' ? 'replaced' : change === 'delete' ? 'deleted' : 'changed'}. Upload a new file and use it in a new version, which goes through review`,
    { code: 'MEDIA_IN_USE', uses },
  );
};

const audit = (
  strapi: Core.Strapi,
  action: AuditAction,
  file: FileRow,
  details: Record<string, unknown>,
) =>
  recordAudit(
    strapi,
    { uid: FILE_UID, documentId: file.documentId ?? String(file.id), locale: '*' },
    {
      action,
      actor: currentActor(strapi),
      details: { fileId: file.id, name: file.name, ...details },
    },
  );

const identity = (file: FileRow) => ({
  hash: file.hash,
  url: file.url,
  mime: file.mime,
  size: file.size,
});

/**
 * A file a live version shows is part of what reviewers approved: replacing it, changing what
 * readers see of it (name, alt text, caption, focal point) or deleting it is refused with a 409
 * naming the live items. The upload plugin writes files with `strapi.db.query`, which no
 * document middleware sees, so the rule sits on the plugin's services that every route calls;
 * every change that does happen is on the audit trail.
 */
export const registerMediaGuard = (strapi: Core.Strapi): void => {
  // See policies/upload-from-url-disabled.
  addPluginRoutePolicy(
    strapi,
    'upload',
    'admin',
    (route) => route.path === '/actions/upload-from-urls',
    'global::upload-from-url-disabled',
  );
  const services = strapi.get('services');
  services.extend('plugin::upload.upload', (service: UploadService): UploadService => ({
    ...service,
    async upload(...args: unknown[]) {
      // `ref`/`refId`/`field` attach the new file straight to an entry (or component) row:
      // attaching it to a live version would change it without review.
      const target = (args[0] as { data?: { ref?: unknown; refId?: unknown } } | undefined)?.data;
      if (typeof target?.ref === 'string' && target.refId !== undefined && target.refId !== null) {
        const owners = await liveOwnersOfRow(strapi, target.ref, Number(target.refId));
        if (owners.length > 0) {
          const names = owners.map((use) => `“${use.title}”`).join('、');
          throw conflict(
            `不能把新文件直接放进已发布内容：${names} / A new file cannot be attached to published content (${names}); use it in a new version, which goes through review`,
            { code: 'MEDIA_IN_USE', uses: owners },
          );
        }
      }
      const created = await service.upload(...args);
      for (const file of Array.isArray(created) ? created : [created])
        await audit(strapi, 'media_upload', file, identity(file));
      return created;
    },
    async replace(id, input, options) {
      await assertNotLive(strapi, id, 'replace');
      const before = await service.findOne(id);
      const replaced = await service.replace(id, input, options);
      await audit(strapi, 'media_replace', replaced, {
        from: before ? identity(before) : null,
        to: identity(replaced),
      });
      return replaced;
    },
    async updateFileInfo(id, info, options) {
      const before = await service.findOne(id);
      const changed = SHOWN_FIELDS.filter(
        (field) =>
          info[field] !== undefined &&
          JSON.stringify(info[field]) !== JSON.stringify(before?.[field] ?? null),
      );
      if (changed.length > 0) await assertNotLive(strapi, id, 'update');
      const updated = await service.updateFileInfo(id, info, options);
      if (changed.length > 0)
        await audit(strapi, 'media_update', updated, {
          changed: Object.fromEntries(
            changed.map((field) => [
              field,
              { from: before?.[field] ?? null, to: updated[field] ?? null },
            ]),
          ),
        });
      return updated;
    },
    async remove(file) {
      await assertNotLive(strapi, file.id, 'delete');
      const removed = await service.remove(file);
      await audit(strapi, 'media_delete', file, identity(file));
      return removed;
    },
  }));
  // Bulk deletion checks every file first: all or nothing.
  services.extend('plugin::upload.file', (service: FileService): FileService => ({
    ...service,
    // No ids is none, as Strapi's own default; anything but a list is refused, never half-checked.
    async deleteByIds(ids = []) {
      if (!Array.isArray(ids))
        throw new errors.ValidationError('fileIds must be a list of file ids', {
          path: ['fileIds'],
        });
      for (const id of ids) await assertNotLive(strapi, Number(id), 'delete');
      return service.deleteByIds(ids);
    },
  }));
};
