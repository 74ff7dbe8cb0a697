import fs from 'fs/promises';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { UID } from '../../constants';
import type { DocumentRef } from '../../documents/document-rows';
import type { Actor } from '../../kernel/actor';
import { recordAudit } from '../../kernel/audit-trail';
import { awardForArticle } from '../../participation/contribution-releases';
import { auditTrail } from '../../workflow/audit-trail';
import { invalid, refuse } from '../../workflow/workflow-error';
import { channelReads, type ChannelRow } from '../channel-reads';
import { pageUrl, siteOf } from '../web/site';
import { formatWechatArticle, type WechatArticle } from './article-format';
import {
  WechatApiError,
  WechatChannelError,
  WechatUnavailableError,
  type WechatClient,
} from './wechat-client';
import { bodyImageForWechat, coverForWechat } from './wechat-media';

// The 1:1 share card is the centre square of the 900×383 cover: its corners as fractions.
const SQUARE_IN_WIDE = `${((900 - 383) / 2 / 900).toFixed(6)}_0_${((900 + 383) / 2 / 900).toFixed(6)}_1`;

/** The live (published, hence approved) version of an article, with what WeChat needs. */
const liveArticle = async (strapi: Core.Strapi, ref: DocumentRef): Promise<ChannelRow> => {
  if (ref.uid !== UID.article)
    throw invalid('只有文章可以推送到微信', 'Only articles go to WeChat');
  const article = await channelReads(strapi, UID.article).findOne({
    documentId: ref.documentId,
    locale: ref.locale,
    status: 'published',
    populate: { cover: true, channels: true },
  });
  if (!article)
    throw refuse(
      '只有审核通过并已发布的文章才能推送到微信',
      'Only an approved, published article can go to WeChat',
    );
  if (article.channels?.wechat !== true)
    throw invalid('该文章未选择微信渠道', 'This article is not targeted at WeChat');
  return article;
};

/**
 * The version under review (the draft), for a preview at any stage: the reviewer sees what the
 * Official Account would get before approving it. Read outside any request's read scope.
 */
const draftArticle = async (strapi: Core.Strapi, ref: DocumentRef): Promise<ChannelRow> => {
  if (ref.uid !== UID.article)
    throw invalid('只有文章可以推送到微信', 'Only articles go to WeChat');
  let article: ChannelRow | null = null;
  await strapi.requestContext.run(Object.create(null), async () => {
    article = await channelReads(strapi, UID.article).findOne({
      documentId: ref.documentId,
      locale: ref.locale,
      status: 'draft',
      populate: { cover: true, channels: true },
    });
  });
  if (!article)
    throw invalid('找不到该文章', `No article ${ref.documentId} in locale ${ref.locale}`, {
      path: ['documentId'],
    });
  return article;
};

/**
 * What the article will look like in WeChat (images not yet uploaded): its live version, which is
 * what a push sends, or the draft under review.
 */
export const previewWechatArticle = async (
  strapi: Core.Strapi,
  ref: DocumentRef,
  mediaBase: string | null,
  version: 'live' | 'draft' = 'live',
): Promise<WechatArticle> => {
  const article =
    version === 'live' ? await liveArticle(strapi, ref) : await draftArticle(strapi, ref);
  const site = siteOf(strapi, mediaBase);
  return formatWechatArticle(
    {
      title: article.title,
      author: article.author,
      digest: article.digest,
      body: article.body,
      source: article.source,
      pageUrl: pageUrl(site, 'articles', ref.locale, article.slug),
    },
    mediaBase,
  );
};

/**
 * Bytes of a file in this CMS's media library: from the local upload folder (`/uploads/…`, or the
 * same under PUBLIC_URL), or over HTTP only from a configured media origin (a remote upload
 * provider's `MEDIA_ORIGINS`). An editor can type any image URL into a body; fetching it from the
 * server would let them reach internal hosts (server-side request forgery), so nothing else is
 * fetched, and redirects are not followed.
 */
const mediaBytes = async (strapi: Core.Strapi, url: string): Promise<Buffer> => {
  const publicUrl = String(strapi.config.get('server.url') ?? '').replace(/\/+$/, '');
  const localPath = url.startsWith('/uploads/')
    ? url
    : publicUrl && url.startsWith(`${publicUrl}/uploads/`)
      ? url.slice(publicUrl.length)
      : null;
  if (localPath) {
    const uploads = path.resolve(strapi.dirs.static.public, 'uploads');
    let file: string;
    try {
      file = path.resolve(
        strapi.dirs.static.public,
        `.${decodeURIComponent(localPath.split(/[?#]/)[0])}`,
      );
    } catch {
      throw invalid('图片地址无效', `Invalid image URL ${url}`, { path: ['body'] });
    }
    if (!file.startsWith(uploads + path.sep))
      throw invalid('图片地址无效', `Invalid image URL ${url}`, { path: ['body'] });
    return fs.readFile(file);
  }
  let origin: string | null = null;
  try {
    origin = new URL(url).origin;
  } catch {
    origin = null;
  }
  const mediaOrigins = strapi.config.get<string[] | undefined>('wechat.mediaOrigins') ?? [];
  if (!origin || !mediaOrigins.includes(origin)) {
    throw invalid(
      `正文图片须来自本系统媒体库：${url}`,
      `Body images must come from this CMS's media library; ${url} does not`,
      { path: ['body'] },
    );
  }
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000), redirect: 'error' });
  if (!response.ok) throw new Error(`image ${url} answered ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
};

export type PushResult = { mediaId: string; publishId: string | null; images: number };

/**
 * Pushes the live version of an article to the Official Account's draft box (and optionally
 * publishes it): cover cropped and uploaded as the thumb, body images re-uploaded and their URLs
 * replaced, then draft/add and freepublish/submit. Every outcome is on the article's audit trail.
 */
export const pushToWechat = async (
  strapi: Core.Strapi,
  client: WechatClient,
  ref: DocumentRef,
  options: { submit: boolean; actor: Actor },
): Promise<PushResult> => {
  const article = await liveArticle(strapi, ref);
  const formatted = await previewWechatArticle(strapi, ref, null);
  if (!article.cover?.url)
    throw invalid('推送到微信的文章需要封面图', 'A WeChat article needs a cover image', {
      errors: [{ path: ['cover'], message: 'required for WeChat' }],
    });

  const audit = (
    action: 'wechat_draft' | 'wechat_submit' | 'wechat_error',
    details: Record<string, unknown>,
  ) =>
    recordAudit(strapi, ref, {
      action,
      actor: options.actor,
      fromState: 'published',
      toState: 'published',
      details,
    });
  try {
    const { wide } = await coverForWechat(await mediaBytes(strapi, article.cover.url));
    const thumb = await client.addMaterial('thumb', wide);
    let content = formatted.content;
    const sources = [...new Set(formatted.images)];
    for (const [index, source] of sources.entries()) {
      const image = await bodyImageForWechat(
        await mediaBytes(strapi, source),
        `image-${index + 1}`,
      );
      const { url } = await client.uploadImage(image);
      content = content.split(`src="${source}"`).join(`src="${url}"`);
    }
    const { images, ...fields } = formatted;
    const draft = await client.addDraft([
      {
        ...fields,
        content,
        thumb_media_id: thumb.media_id,
        pic_crop_235_1: '0_0_1_1',
        pic_crop_1_1: SQUARE_IN_WIDE,
      },
    ]);
    await audit('wechat_draft', {
      media_id: draft.media_id,
      thumb_media_id: thumb.media_id,
      images: images.length,
    });
    let publishId: string | null = null;
    if (options.submit) {
      publishId = (await client.submitPublish(draft.media_id)).publish_id;
      await audit('wechat_submit', { media_id: draft.media_id, publish_id: publishId });
      // Pushed to the Official Account: an adopted contribution's contributor earns the WeChat points.
      await awardForArticle(strapi, 'wechat', ref.documentId).catch((error: Error) =>
        strapi.log.error(
          `Points for the WeChat push of ${ref.documentId} were not recorded: ${error.message}`,
        ),
      );
    }
    return { mediaId: draft.media_id, publishId, images: sources.length };
  } catch (error) {
    if (!(error instanceof WechatApiError || error instanceof WechatUnavailableError)) throw error;
    await audit('wechat_error', {
      message: (error as Error).message,
      ...(error instanceof WechatApiError
        ? { errcode: error.errcode, errmsg: error.errmsg, path: error.path }
        : {}),
    });
    throw new WechatChannelError(
      `推送到微信失败 / Pushing to WeChat failed: ${(error as Error).message}`,
      502,
      error instanceof WechatApiError ? { errcode: error.errcode } : {},
    );
  }
};

/** freepublish/get for the article's last submission, recorded on its trail. */
export const refreshWechatStatus = async (
  strapi: Core.Strapi,
  client: WechatClient,
  ref: DocumentRef,
  actor: Actor,
) => {
  const publishId = (await auditTrail(strapi, ref))
    .filter((entry) => entry.action === 'wechat_submit')
    .at(-1)?.details?.publish_id;
  if (typeof publishId !== 'string')
    throw invalid(
      '该文章还没有提交微信发布',
      'This article has not been submitted for publishing on WeChat',
    );
  try {
    const status = await client.getPublish(publishId);
    await recordAudit(strapi, ref, {
      action: 'wechat_status',
      actor,
      fromState: 'published',
      toState: 'published',
      details: status,
    });
    return status;
  } catch (error) {
    if (!(error instanceof WechatApiError || error instanceof WechatUnavailableError)) throw error;
    throw new WechatChannelError(
      `查询微信发布状态失败 / Asking WeChat for the publish status failed: ${error.message}`,
      502,
    );
  }
};
