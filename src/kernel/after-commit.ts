import type { Core } from '@strapi/strapi';

/**
 * Runs `work` once the surrounding transaction commits (the outermost one, when nested), or at
 * once outside any; never when it rolls back. Strapi runs commit callbacks without awaiting them.
 */
export const afterCommit = async (strapi: Core.Strapi, work: () => void): Promise<void> => {
  await strapi.db.transaction(async ({ onCommit }) => {
    onCommit(work);
  });
};
