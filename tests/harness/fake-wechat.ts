/* eslint-disable @typescript-eslint/no-explicit-any -- test answers are read as each test needs them, not typed per query */
import crypto from 'crypto';
import http from 'http';
import type { AddressInfo } from 'net';
import sharp from 'sharp';

/**
 * A local stand-in for the WeChat Official Account API, on loopback, enforcing the documented
 * rules the CMS must respect: a valid, unexpired access token on every call; uploadimg takes
 * JPG/PNG under 1 MB; a thumb is a JPG of at most 64 KB; draft articles have title ≤ 32,
 * author ≤ 16, digest ≤ 128 characters, content under 20,000 characters without scripts, styles,
 * frames, forms, classes or ids, images only from uploadimg, and an existing thumb_media_id.
 */
export type FakeWechat = {
  baseUrl: string;
  appId: string;
  appSecret: string;
  drafts: Map<string, { articles: Array<Record<string, any>> }>;
  thumbs: Map<string, { format: string; width: number; height: number; bytes: number }>;
  uploadedImages: Map<string, { format: string; bytes: number }>;
  calls: string[];
  /** Makes every token issued so far expire now (as WeChat does after 7200 s). */
  expireTokens: () => void;
  /** The next `count` calls to `path` answer errcode -1 ("system busy"). */
  failNext: (path: string, count?: number, errcode?: number) => void;
  close: () => Promise<void>;
};

const ok = (body: Record<string, unknown> = {}) => ({ errcode: 0, errmsg: 'ok', ...body });
const fail = (errcode: number, errmsg: string) => ({ errcode, errmsg });
const chars = (text: unknown) => [...String(text ?? '')].length;

export const startFakeWechat = async (): Promise<FakeWechat> => {
  const appId = 'wx-fake-app';
  const appSecret = 'fake-secret';
  const tokens = new Map<string, number>(); // token → expires at
  const drafts = new Map<string, { articles: Array<Record<string, any>> }>();
  const thumbs = new Map<
    string,
    { format: string; width: number; height: number; bytes: number }
  >();
  const uploadedImages = new Map<string, { format: string; bytes: number }>();
  const publishes = new Map<string, string>();
  const failures = new Map<string, { count: number; errcode: number }>();
  const calls: string[] = [];

  const readBody = (request: http.IncomingMessage) =>
    new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk) => chunks.push(chunk));
      request.on('end', () => resolve(Buffer.concat(chunks)));
    });

  const mediaFile = async (request: http.IncomingMessage, body: Buffer) => {
    const form = await new Response(body, {
      headers: { 'content-type': request.headers['content-type'] ?? '' },
    }).formData();
    const file = form.get('media');
    if (!(file instanceof Blob)) return null;
    const buffer = Buffer.from(await file.arrayBuffer());
    const meta = await sharp(buffer)
      .metadata()
      .catch(() => null);
    return {
      buffer,
      format: meta?.format ?? 'unknown',
      width: meta?.width ?? 0,
      height: meta?.height ?? 0,
    };
  };

  const handle = async (
    request: http.IncomingMessage,
    url: URL,
    body: Buffer,
  ): Promise<Record<string, unknown>> => {
    const path = url.pathname.replace(/^\//, '');
    calls.push(path);
    const failure = failures.get(path);
    if (failure && failure.count > 0) {
      failure.count -= 1;
      return fail(failure.errcode, 'system error');
    }
    if (path === 'cgi-bin/stable_token') {
      const json = JSON.parse(body.toString() || '{}');
      if (json.grant_type !== 'client_credential') return fail(40002, 'invalid grant_type');
      if (json.appid !== appId) return fail(40013, 'invalid appid');
      if (json.secret !== appSecret) return fail(40125, 'invalid appsecret');
      const token = crypto.randomBytes(16).toString('hex');
      tokens.set(token, Date.now() + 7200_000);
      return { access_token: token, expires_in: 7200 };
    }
    const token = url.searchParams.get('access_token');
    if (!token) return fail(41001, 'access_token missing');
    const expiresAt = tokens.get(token);
    if (expiresAt === undefined) return fail(40001, 'invalid credential');
    if (expiresAt <= Date.now()) return fail(42001, 'access_token expired');

    switch (path) {
      case 'cgi-bin/media/uploadimg': {
        const file = await mediaFile(request, body);
        if (!file) return fail(41005, 'media data missing');
        if (!['jpeg', 'png'].includes(file.format)) return fail(40005, 'invalid file type');
        if (file.buffer.length >= 1024 * 1024) return fail(40009, 'invalid image size');
        const url = `http://mmbiz.qpic.cn/mmbiz_${file.format === 'png' ? 'png' : 'jpg'}/${crypto.randomBytes(8).toString('hex')}/0`;
        uploadedImages.set(url, { format: file.format, bytes: file.buffer.length });
        return { url };
      }
      case 'cgi-bin/material/add_material': {
        const type = url.searchParams.get('type');
        const file = await mediaFile(request, body);
        if (!file) return fail(41005, 'media data missing');
        if (type === 'thumb') {
          if (file.format !== 'jpeg') return fail(40005, 'invalid file type');
          if (file.buffer.length > 64 * 1024) return fail(40009, 'invalid image size');
        } else if (type === 'image') {
          if (!['jpeg', 'png', 'gif', 'bmp'].includes(file.format))
            return fail(40005, 'invalid file type');
          if (file.buffer.length > 10 * 1024 * 1024) return fail(40009, 'invalid image size');
        } else return fail(40004, 'invalid media type');
        const mediaId = crypto.randomBytes(12).toString('hex');
        thumbs.set(mediaId, {
          format: file.format,
          width: file.width,
          height: file.height,
          bytes: file.buffer.length,
        });
        return { media_id: mediaId, url: `http://mmbiz.qpic.cn/${mediaId}/0` };
      }
      case 'cgi-bin/draft/add': {
        const { articles } = JSON.parse(body.toString() || '{}');
        if (!Array.isArray(articles) || articles.length === 0) return fail(40035, 'invalid args');
        for (const article of articles) {
          if (!article.title || chars(article.title) > 32)
            return fail(45003, 'title size out of limit');
          if (chars(article.author) > 16) return fail(45110, 'author size out of limit');
          if (chars(article.digest) > 128) return fail(45004, 'description size out of limit');
          if (!article.content || chars(article.content) >= 20_000)
            return fail(45002, 'content size out of limit');
          if (
            /<\s*(script|style|iframe|form|input|object|embed)\b|\s(class|id|on\w+)\s*=|javascript:/i.test(
              article.content,
            )
          )
            return fail(45166, 'invalid content');
          for (const [, src] of String(article.content).matchAll(/<img [^>]*src="([^"]+)"/g)) {
            if (!uploadedImages.has(src))
              return fail(45166, `image not uploaded by uploadimg: ${src}`);
          }
          if (!thumbs.has(article.thumb_media_id)) return fail(40007, 'invalid media_id');
        }
        const mediaId = crypto.randomBytes(12).toString('hex');
        drafts.set(mediaId, { articles });
        return { media_id: mediaId };
      }
      case 'cgi-bin/freepublish/submit': {
        const { media_id: mediaId } = JSON.parse(body.toString() || '{}');
        if (!drafts.has(mediaId)) return fail(40007, 'invalid media_id');
        const publishId = String(Date.now()) + crypto.randomInt(1000);
        publishes.set(publishId, mediaId);
        return ok({ publish_id: publishId, msg_data_id: crypto.randomInt(1e9) });
      }
      case 'cgi-bin/freepublish/get': {
        const { publish_id: publishId } = JSON.parse(body.toString() || '{}');
        if (!publishes.has(publishId)) return fail(40007, 'invalid publish_id');
        return {
          publish_id: publishId,
          publish_status: 0,
          article_id: `article-${publishId}`,
          article_detail: {
            count: 1,
            item: [{ idx: 1, article_url: `https://mp.weixin.qq.com/s/${publishId}` }],
          },
          fail_idx: [],
        };
      }
      default:
        return fail(40066, 'invalid url');
    }
  };

  const answer = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(request);
    const answered =
      request.method === 'POST'
        ? await handle(request, url, body)
        : fail(43002, 'require POST method');
    response.setHeader('Content-Type', 'application/json');
    response.end(JSON.stringify(answered));
  };
  const server = http.createServer((request, response) => void answer(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    appId,
    appSecret,
    drafts,
    thumbs,
    uploadedImages,
    calls,
    expireTokens: () => tokens.forEach((_expiry, token) => tokens.set(token, 0)),
    failNext: (path, count = 1, errcode = -1) => failures.set(path, { count, errcode }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
};
