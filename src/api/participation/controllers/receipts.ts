import type { Core } from '@strapi/strapi';
import {
  opinionByReceipt,
  opinionsByReceipts,
  rateByReceipt,
} from '../../../participation/opinions';

type Context = {
  request: { body?: unknown };
  body: unknown;
  set: (name: string, value: string) => void;
};

const fieldsOf = (body: unknown): { receipt?: unknown; receipts?: unknown; rating?: unknown } =>
  body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {};

/**
 * An anonymous opinion, opened by its receipt code (查询码) alone: no sign-in is asked or read,
 * so no account is ever seen with it. Limited per address (RATE_LIMIT_RECEIPTS_PER_MINUTE).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `{ receipt }`: that opinion (404 where it opens none); `{ receipts: [...] }` (up to 20): each, or null. */
  async opinion(ctx: Context) {
    const { receipt, receipts } = fieldsOf(ctx.request.body);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = {
      data:
        receipts === undefined
          ? await opinionByReceipt(strapi, receipt)
          : await opinionsByReceipts(strapi, receipts),
    };
  },

  async rate(ctx: Context) {
    const { receipt, rating } = fieldsOf(ctx.request.body);
    await rateByReceipt(strapi, receipt, rating);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: { rated: true } };
  },
});
