import type { Core } from '@strapi/strapi';
import { PUBLISHABLE_UIDS, WORKFLOW_UID } from '../constants';
import { columnOf } from '../documents/document-rows';
import { defaultLocale, isLocalizedType } from '../i18n/locales';
import { stateKey } from './review-states';

const BATCH = 500;

/** Per type, the highest row id already looked at: a start reads only rows written since. */
const checkedUpTo = (strapi: Core.Strapi) =>
  strapi.store({ type: 'core', name: 'brand-cms', key: 'imported-live-states-checked' });

/**
 * Live content that never went through the workflow (written in SQL by a bulk import) gets the
 * state it is in, `published` since its publish time: the list's review column, its review-state
 * filter and the edit view's panel then agree, and its next edit starts a review like any other
 * released item's. Every start looks at the rows written since the last one; `npm run reindex`
 * (`everything`) at all of them, for an import that changed old rows.
 */
export const recordImportedLiveStates = async (
  strapi: Core.Strapi,
  { everything = false } = {},
): Promise<number> => {
  const knex = strapi.db.connection;
  const states = strapi.db.metadata.get(WORKFLOW_UID.reviewState).tableName;
  const stateColumn = (attribute: string) => columnOf(strapi, WORKFLOW_UID.reviewState, attribute);
  const fallbackLocale = await defaultLocale(strapi);
  // Strapi keeps datetimes in SQLite as milliseconds since the epoch.
  const instant = (value: string | number | Date) =>
    strapi.db.dialect.client === 'sqlite' ? new Date(value).getTime() : new Date(value);
  const marks = everything
    ? {}
    : (((await checkedUpTo(strapi).get({})) as Record<string, number> | null) ?? {});
  let recorded = 0;
  for (const uid of PUBLISHABLE_UIDS) {
    const table = strapi.db.metadata.get(uid).tableName;
    const localized = isLocalizedType(strapi, uid);
    const documentId = columnOf(strapi, uid, 'documentId');
    const publishedAt = columnOf(strapi, uid, 'publishedAt');
    // The state's key (review-states.ts stateKey); uid and locale codes are ours, not user input.
    const key = knex.raw(
      `'${uid}:' || t.?? || ':' || ${localized ? 't.??' : `'${fallbackLocale}'`}`,
      localized ? [documentId, 'locale'] : [documentId],
    );
    // In id order from a cursor: each batch starts where the last ended, not at the first row again.
    let after = marks[uid] ?? 0;
    for (;;) {
      const live: Array<{
        id: number;
        documentId: string;
        locale?: string;
        publishedAt: string | number | Date;
        stateId: number | null;
      }> = await knex({ t: table })
        .leftJoin({ s: states }, `s.${stateColumn('key')}`, key)
        .whereNotNull(`t.${publishedAt}`)
        .where('t.id', '>', after)
        .orderBy('t.id')
        .select({
          id: 't.id',
          documentId: `t.${documentId}`,
          publishedAt: `t.${publishedAt}`,
          stateId: 's.id',
          ...(localized ? { locale: 't.locale' } : {}),
        })
        .limit(BATCH);
      if (live.length === 0) break;
      const now = instant(Date.now());
      const missing = live.filter((row) => row.stateId === null);
      // Straight into the table (the Document Service would validate and hook each row): at 100,000 imported items, seconds instead of half a minute.
      for (let start = 0; start < missing.length; start += 50) {
        await knex(states).insert(
          missing.slice(start, start + 50).map((row) => {
            const locale = localized ? String(row.locale) : fallbackLocale;
            return {
              [stateColumn('key')]: stateKey({ uid, documentId: row.documentId, locale }),
              [stateColumn('contentType')]: uid,
              [stateColumn('targetDocumentId')]: row.documentId,
              [stateColumn('targetLocale')]: locale,
              [stateColumn('reviewState')]: 'published',
              [stateColumn('stageIndex')]: 0,
              [stateColumn('cycle')]: 0,
              [stateColumn('revision')]: 0,
              [stateColumn('liveSince')]: instant(row.publishedAt),
              [stateColumn('createdAt')]: now,
              [stateColumn('updatedAt')]: now,
            };
          }),
        );
      }
      recorded += missing.length;
      after = live[live.length - 1].id;
    }
    marks[uid] = after;
  }
  await checkedUpTo(strapi).set({ value: marks });
  return recorded;
};
