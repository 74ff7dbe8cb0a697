import type { Core } from '@strapi/strapi';
import { UID } from '../../../constants';
import { mayReadDocument, type AdminAbility } from '../../../access/document-read';
import { errorBody } from '../../../http/error-body';
import { documentLocale } from '../../../i18n/locales';
import { wechatClientOf, wechatConfigured } from '../../../channels/wechat';
import { WechatChannelError } from '../../../channels/wechat/wechat-client';
import {
  previewWechatArticle,
  pushToWechat,
  refreshWechatStatus,
} from '../../../channels/wechat/wechat-push';
import { userActor } from '../../../workflow/actor';
import { invalid, refuse } from '../../../workflow/workflow-error';

type Context = {
  status: number;
  params: { documentId: string };
  query: { locale?: unknown; version?: unknown };
  request: { origin: string; body?: { submit?: unknown } };
  state: { user: Parameters<typeof userActor>[0]; userAbility: AdminAbility };
  body?: unknown;
};

const refOf = async (strapi: Core.Strapi, ctx: Context) => ({
  uid: UID.article,
  documentId: ctx.params.documentId,
  locale: await documentLocale(strapi, ctx.query.locale),
});

/** Pushing to the Official Account is a release: reviewers (publish permission) do it. */
const requireReviewer = (ctx: Context) => {
  if (!ctx.state.userAbility.can('plugin::content-manager.explorer.publish', UID.article)) {
    throw refuse('只有审核员可以推送到微信', 'Only reviewers can push articles to WeChat');
  }
};

/** WeChat's own failures are a 502 (or 503 when not configured) with their meaning, in Strapi's error shape. */
const answer = async (ctx: Context, work: () => Promise<unknown>) => {
  try {
    ctx.body = { data: await work() };
  } catch (error) {
    if (!(error instanceof WechatChannelError)) throw error;
    ctx.status = error.status;
    ctx.body = errorBody(error.status, 'WechatChannelError', error.message, error.details);
  }
};

/** Thin HTTP layer over src/channels/wechat. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async preview(ctx: Context) {
    // A draft is read outside the content manager here: only those who may read articles there see it.
    if (!ctx.state.userAbility.can('plugin::content-manager.explorer.read', UID.article)) {
      throw refuse('没有查看文章的权限', 'You may not read articles');
    }
    const mediaBase = strapi.config.get<string>('server.url') || ctx.request.origin;
    const { version = 'live' } = ctx.query;
    if (version !== 'live' && version !== 'draft')
      throw invalid('version 须为 live 或 draft', 'version must be live or draft', {
        path: ['version'],
      });
    const ref = await refOf(strapi, ctx);
    // A role limited by conditions (its own articles, some locales) previews only those.
    if (!(await mayReadDocument(strapi, ctx.state.userAbility, ref)))
      throw refuse('没有查看该文章的权限', 'You may not read this article');
    ctx.body = { data: await previewWechatArticle(strapi, ref, mediaBase, version) };
  },

  /** Whether the Official Account is configured: the panel shows a setup hint instead of push buttons when not. */
  async setup(ctx: Context) {
    ctx.body = {
      data: {
        configured: wechatConfigured(strapi),
        autoPush: strapi.config.get('wechat.autoPush'),
        accountName: strapi.config.get('wechat.accountName'),
      },
    };
  },

  async push(ctx: Context) {
    requireReviewer(ctx);
    const ref = await refOf(strapi, ctx);
    await answer(ctx, () =>
      pushToWechat(strapi, wechatClientOf(strapi), ref, {
        submit: ctx.request.body?.submit === true,
        actor: userActor(ctx.state.user),
      }),
    );
  },

  async status(ctx: Context) {
    requireReviewer(ctx);
    const ref = await refOf(strapi, ctx);
    await answer(ctx, () =>
      refreshWechatStatus(strapi, wechatClientOf(strapi), ref, userActor(ctx.state.user)),
    );
  },
});
