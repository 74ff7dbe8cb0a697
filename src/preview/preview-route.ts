import type { Core } from '@strapi/strapi';
import { peopleTimeZoneOf } from '../i18n/people-time';
import { PREVIEW_PATH, UID } from '../constants';
import { isScreenUid } from '../content/registry';
import { registeredChannels } from '../channels/registry';
import { buildScreenFeed, screenBrandOf, screenItemOf } from '../channels/screen/screen-feed';
import { PreviewLinkError, readPreviewLink, type PreviewLink } from './preview-links';
import { pageKit, previewPageHtml, previewProblemHtml, type PreviewPage } from './preview-page';
import { readPreviewedVersion, viewerAbility, type PreviewedVersion } from './previewed-version';

type Context = {
  query: Record<string, unknown>;
  request: { origin: string };
  status: number;
  type: string;
  body: unknown;
  set: (headers: Record<string, string>) => void;
};

/** A preview is one person's view of unreleased work: never cached, indexed, or sent on as a referrer. */
const PRIVATE_HEADERS = {
  'Cache-Control': 'no-store, private',
  'X-Robots-Tag': 'noindex, nofollow',
  'Referrer-Policy': 'no-referrer',
};
// No script at all; the admin's preview page (same origin) may frame it, and it frames the display page.
const PAGE_POLICY =
  "default-src 'none'; img-src 'self' data: https:; media-src 'self' https:; style-src 'unsafe-inline'; frame-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

class PreviewRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const NOT_FOUND =
  '找不到可预览的版本，或您无权查看 / There is no such version to preview, or you may not read it';

/** The link in `parameter`, checked again on every open: signature, expiry, session, user, and read permission on this very version. */
const openLink = async (
  strapi: Core.Strapi,
  token: unknown,
  parameter: string,
): Promise<{ link: PreviewLink; version: PreviewedVersion }> => {
  if (token === undefined || token === '')
    throw new PreviewRefusal(400, `缺少 ${parameter} 参数 / ${parameter} is required`);
  let link: PreviewLink;
  try {
    link = readPreviewLink(strapi, token);
  } catch (error) {
    if (error instanceof PreviewLinkError) throw new PreviewRefusal(401, error.message);
    throw error;
  }
  const ability = await viewerAbility(strapi, link);
  const version = ability ? await readPreviewedVersion(strapi, ability, link) : null;
  if (!version) throw new PreviewRefusal(404, NOT_FOUND);
  return { link, version };
};

const mediaBaseOf = (strapi: Core.Strapi, ctx: Context) =>
  strapi.config.get<string>('server.url') || ctx.request.origin;

const refuseWith = (ctx: Context, error: unknown, asHtml: boolean) => {
  if (!(error instanceof PreviewRefusal)) throw error;
  ctx.status = error.status;
  if (asHtml) {
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = previewProblemHtml(error.message);
  } else {
    ctx.body = {
      data: null,
      error: {
        status: error.status,
        name:
          error.status === 404
            ? 'NotFoundError'
            : error.status === 401
              ? 'UnauthorizedError'
              : 'ValidationError',
        message: error.message,
      },
    };
  }
};

/** `a、b 或 c` and `a, b or c`: the names a refusal lists. */
const oneOf = (names: readonly string[]) => {
  const rest = names.slice(0, -1);
  const last = names.at(-1) ?? '';
  return rest.length === 0
    ? { zh: last, en: last }
    : { zh: `${rest.join('、')} 或 ${last}`, en: `${rest.join(', ')} or ${last}` };
};

/** GET /preview?token=…&view=<channel>: the version as each channel with a view will show it. */
const servePreviewPage = (strapi: Core.Strapi) => async (ctx: Context) => {
  ctx.set({ ...PRIVATE_HEADERS, 'Content-Security-Policy': PAGE_POLICY });
  try {
    const views = registeredChannels().flatMap(({ name, preview }) =>
      preview ? [{ name, preview }] : [],
    );
    const view = views.find(({ name }) => name === (ctx.query.view ?? views[0]?.name));
    if (!view) {
      const names = oneOf(views.map(({ name }) => name));
      throw new PreviewRefusal(400, `view 须为 ${names.zh} / view must be ${names.en}`);
    }
    const { link, version } = await openLink(strapi, ctx.query.token, 'token');
    const timeZone = peopleTimeZoneOf(strapi.config);
    const token = String(ctx.query.token);
    const page: PreviewPage = {
      tabs: views.map(({ name, preview }) => ({ name, label: preview.label })),
      view: view.name,
      body: view.preview.render(strapi, {
        uid: link.uid,
        locale: link.locale,
        row: version.row,
        token,
        mediaBase: mediaBaseOf(strapi, ctx),
        kit: pageKit(timeZone),
      }),
      token,
      uid: link.uid,
      locale: link.locale,
      linkVersion: link.version,
      version,
      expiresAt: link.expiresAt,
      timeZone,
    };
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = previewPageHtml(page);
  } catch (error) {
    refuseWith(ctx, error, true);
  }
};

/**
 * GET /preview/screen-feed?preview=…: the display page's feed with the previewed version as the
 * featured item (a brand profile as the masthead), for /screen/?preview=… inside the preview page.
 */
const servePreviewScreenFeed = (strapi: Core.Strapi) => async (ctx: Context) => {
  ctx.set(PRIVATE_HEADERS);
  try {
    const { link, version } = await openLink(strapi, ctx.query.preview, 'preview');
    const mediaBase = mediaBaseOf(strapi, ctx);
    const feed = await buildScreenFeed(strapi, {
      locale: link.locale,
      now: new Date(),
      timeZone: strapi.config.get<string>('screens.timeZone'),
      mediaBase,
    });
    if (link.uid === UID.brand) {
      feed.brand = screenBrandOf(version.row, mediaBase);
    } else if (isScreenUid(link.uid)) {
      const featured = {
        ...screenItemOf(link.uid, version.row, mediaBase),
        publishedAt: String(version.row.publishedAt ?? new Date().toISOString()),
      };
      feed.latest = [
        featured,
        ...feed.latest.filter((item) => item.documentId !== featured.documentId),
      ].slice(0, feed.latest.length || 1);
    }
    ctx.body = { data: feed };
  } catch (error) {
    refuseWith(ctx, error, false);
  }
};

/** The CMS's own preview pages, opened by signed links (no admin session needed in the frame). */
export const registerPreviewRoutes = (strapi: Core.Strapi): void => {
  strapi.server.routes([
    {
      method: 'GET',
      path: PREVIEW_PATH,
      handler: servePreviewPage(strapi),
      config: { auth: false },
    },
    {
      method: 'GET',
      path: `${PREVIEW_PATH}/screen-feed`,
      handler: servePreviewScreenFeed(strapi),
      config: { auth: false },
    },
  ]);
};
