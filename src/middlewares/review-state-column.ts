import type { Core } from '@strapi/strapi';
import { isPublishable } from '../constants';
import { allOf } from '../documents/all-of';
import { documentLocale } from '../i18n/locales';
import {
  inReviewState,
  isListedReviewState,
  LISTED_REVIEW_STATES,
  MAX_FILTERED_DOCUMENTS,
  reviewColumns,
} from '../workflow/review-state-list';
import { invalid } from '../workflow/workflow-error';

type ListContext = { params: { model?: string }; query: Record<string, unknown>; body?: unknown };

/**
 * Route middleware of the content manager's list (`GET /content-manager/collection-types/:model`,
 * after its authentication and permission policy): each row of a publishable type with its review
 * state (`reviewState`, `reviewStage`, `publishAt`) for the list's 审核状态 column, and
 * `?reviewState=` to list only the documents in one state (a 400 naming it when it is none).
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: ListContext, next: () => Promise<void>) => {
    const uid = ctx.params.model;
    if (uid === undefined || !isPublishable(uid)) return next();
    const locale = await documentLocale(strapi, ctx.query.locale);
    // The parsed query is changed in place: assigning ctx.query would re-encode it, and a long
    // list of ids would come back as an object (qs's array limit).
    const query = ctx.query;
    const { reviewState } = query;
    delete query.reviewState;
    if (reviewState !== undefined && reviewState !== '') {
      if (!isListedReviewState(reviewState))
        throw invalid(
          `reviewState 须为 ${LISTED_REVIEW_STATES.join('、')} 之一`,
          `reviewState must be one of ${LISTED_REVIEW_STATES.join(', ')}`,
          { path: ['reviewState'] },
        );
      const inState = await inReviewState(strapi, uid, locale, reviewState);
      if (inState === null) {
        throw invalid(
          `该状态的内容超过 ${MAX_FILTERED_DOCUMENTS} 条，请先用其他条件缩小范围`,
          `More than ${MAX_FILTERED_DOCUMENTS} documents are in this state: narrow the list with other filters first`,
          { path: ['reviewState'] },
        );
      }
      query.filters = query.filters === undefined ? inState : allOf(query.filters, inState);
    }
    await next();
    const results = (ctx.body as { results?: Array<Record<string, unknown>> } | undefined)?.results;
    if (!Array.isArray(results)) return;
    // The content manager's own `status` says whether a row has a live version (published or modified).
    const columns = await reviewColumns(
      strapi,
      uid,
      locale,
      results.map((row) => ({
        documentId: String(row.documentId),
        isLive: row.status !== undefined && row.status !== 'draft',
      })),
    );
    for (const row of results) Object.assign(row, columns.get(String(row.documentId)));
  };
