import type { Core } from '@strapi/strapi';

const FOLDER_UID = 'plugin::upload.folder';
const FOLDER_NAME = '职工投稿 Staff contributions';

type Folder = { id: number; path: string };

/**
 * The media library folder contribution photos are kept in, made at the first start: editors
 * find them together. (The media library has no Content API route: access/public-model.ts.)
 */
export const contributionFolder = async (strapi: Core.Strapi): Promise<Folder> => {
  const existing = (await strapi.db.query(FOLDER_UID).findOne({
    where: { name: FOLDER_NAME, parent: null },
    select: ['id', 'path'],
  })) as Folder | null;
  if (existing) return existing;
  const created = (await strapi
    .plugin('upload')
    .service('folder')
    .create({ name: FOLDER_NAME, parent: null })) as Folder;
  return { id: created.id, path: created.path };
};
