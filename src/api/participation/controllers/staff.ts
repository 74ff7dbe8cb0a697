import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  editContribution,
  myContributions,
  submitContribution,
  type ContributionFields,
  type SentFile,
} from '../../../participation/contributions';
import { pageOf, periodQuery } from '../../../participation/list-query';
import { myOpinions, rateAnswer, sendOpinion } from '../../../participation/opinions';
import { passwordChangeRequired, passwordHistory } from '../../../participation/password-events';
import { pointsOf } from '../../../participation/points-ledger';
import { ranking } from '../../../participation/rankings';
import type { StaffMember } from '../../../participation/staff-accounts';
import { publishedOrganization } from '../../../participation/taxonomy-names';
import { fieldError } from '../../../participation/field-error';

type Context = {
  params: { documentId?: string };
  query: Record<string, unknown>;
  request: { body?: unknown; files?: Record<string, SentFile | SentFile[]> };
  state: { staffMember: StaffMember };
  status: number;
  body: unknown;
  set: (name: string, value: string) => void;
};

const fieldsOf = (body: unknown): ContributionFields =>
  body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {};

/** Every file sent, under any field name: only `images` is accepted, so nothing else is quietly dropped. */
const imagesOf = (files: Context['request']['files']): SentFile[] => {
  const names = Object.keys(files ?? {});
  const other = names.find((name) => name !== 'images' && name !== 'files.images');
  if (other) throw fieldError(other, 'photos are sent as “images”');
  return names.flatMap((name) => [files![name]].flat());
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Who I am here, and my points. */
  async me(ctx: Context) {
    const member = ctx.state.staffMember;
    const history = await passwordHistory(strapi, member);
    const organization = member.organizationDocumentId
      ? await publishedOrganization(strapi, { documentId: member.organizationDocumentId })
      : null;
    ctx.body = {
      data: {
        name: member.name,
        employeeNumber: member.employeeNumber,
        correspondent: member.correspondent,
        organization: organization ? { name: organization.name, slug: organization.slug } : null,
        points: await pointsOf(strapi, member.id),
        rankingsShown: strapi.config.get<boolean>('participation.rankingsForStaff') === true,
        // When, how and by whom the password was set: an administrator's must be replaced first.
        password: { changeRequired: passwordChangeRequired(history), history },
      },
    };
  },

  async myContributions(ctx: Context) {
    const { page, pageSize } = pageOf(ctx.query);
    const { items, total } = await myContributions(strapi, ctx.state.staffMember, {
      page,
      pageSize,
    });
    ctx.body = { data: items, meta: { pagination: { page, pageSize, total } } };
  },

  async submit(ctx: Context) {
    // Form fields (multipart, with the photos as `images`), or JSON without photos.
    ctx.status = 201;
    ctx.body = {
      data: await submitContribution(
        strapi,
        ctx.state.staffMember,
        fieldsOf(ctx.request.body),
        imagesOf(ctx.request.files),
      ),
    };
  },

  async edit(ctx: Context) {
    if (ctx.request.files && Object.keys(ctx.request.files).length > 0) {
      throw fieldError('images', 'photos cannot be changed once sent; send the text only');
    }
    ctx.body = {
      data: await editContribution(
        strapi,
        ctx.state.staffMember,
        ctx.params.documentId ?? '',
        fieldsOf(ctx.request.body),
      ),
    };
  },

  /** Rankings for staff, when the enterprise shows them (PARTICIPATION_RANKINGS_FOR_STAFF): names and points only. */
  async rankings(ctx: Context) {
    if (strapi.config.get<boolean>('participation.rankingsForStaff') !== true)
      throw new errors.NotFoundError('Rankings are not shown to staff here');
    const { periodKind, period } = periodQuery(ctx.query);
    const scope = ctx.query.scope === 'organization' ? 'organization' : 'person';
    const result = await ranking(strapi, { periodKind, period, scope, limit: 50 });
    ctx.body = {
      data: {
        ...result,
        rows: result.rows.map(({ rank, points, adopted, name, organization }) => ({
          rank,
          points,
          adopted,
          name,
          organization,
        })),
      },
    };
  },

  /** 意见建议: named or anonymous. An anonymous one is answered with its receipt code, this once: the only way back to it. */
  async sendOpinion(ctx: Context) {
    ctx.status = 201;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = {
      data: await sendOpinion(strapi, ctx.state.staffMember, fieldsOf(ctx.request.body)),
    };
  },

  async myOpinions(ctx: Context) {
    ctx.body = { data: await myOpinions(strapi, ctx.state.staffMember) };
  },

  async rate(ctx: Context) {
    await rateAnswer(
      strapi,
      ctx.state.staffMember,
      ctx.params.documentId ?? '',
      (fieldsOf(ctx.request.body) as { rating?: unknown }).rating,
    );
    ctx.body = { data: { rated: true } };
  },
});
