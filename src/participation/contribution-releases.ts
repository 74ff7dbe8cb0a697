import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { flagOf } from '../kernel/channel-flags';
import type { DocumentMiddleware } from '../documents/document-middlewares';
import { PARTICIPATION_UID, type PointEvent } from './participation-types';
import { awardPoints } from './points-ledger';
import { findStaffMember } from './staff-accounts';

/** Contributions adopted into `articleDocumentId`, with their contributors. */
const adoptedInto = async (strapi: Core.Strapi, articleDocumentId: string) =>
  (await strapi.db.query(PARTICIPATION_UID.contribution).findMany({
    where: { articleDocumentId, contributionState: 'adopted' },
    select: ['documentId'],
    populate: { contributor: { select: ['id'] } },
  })) as Array<{ documentId: string; contributor?: { id: number } | null }>;

/** Awards `event` to the contributors of the contributions an article was adopted from (once each: the ledger keys events). */
export const awardForArticle = async (
  strapi: Core.Strapi,
  event: PointEvent,
  articleDocumentId: string,
): Promise<void> => {
  for (const contribution of await adoptedInto(strapi, articleDocumentId)) {
    const member = contribution.contributor
      ? await findStaffMember(strapi, { id: contribution.contributor.id })
      : null;
    if (member)
      await awardPoints(strapi, {
        event,
        member,
        contributionDocumentId: contribution.documentId,
        articleDocumentId,
      });
  }
};

/**
 * When an article adopted from a contribution is released (by an editor, by the scheduler, on
 * any Document Service path) its contributor earns the `published` points, and the `screen`
 * points when the live version is shown on the display screens. After the release succeeds;
 * a points failure never undoes a release, it is logged.
 */
export const pointsOnRelease =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (call, next) => {
    const result = await next();
    if (call.uid !== UID.article || call.action !== 'publish' || !call.params.documentId)
      return result;
    const documentId = call.params.documentId;
    try {
      if ((await adoptedInto(strapi, documentId)).length === 0) return result;
      await awardForArticle(strapi, 'published', documentId);
      const onScreens = await strapi.db.query(UID.article).findOne({
        where: { documentId, publishedAt: { $notNull: true }, [flagOf('screen')]: true },
        select: ['id'],
      });
      if (onScreens) await awardForArticle(strapi, 'screen', documentId);
    } catch (error) {
      strapi.log.error(
        `Points for the release of article ${documentId} were not recorded: ${(error as Error).message}`,
      );
    }
    return result;
  };
