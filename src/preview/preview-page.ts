import escapeHtml from 'escape-html';
import { readableTime } from '../i18n/people-time';
import type { ResponsiveImage } from '../channels/web/responsive-image';
import type { PreviewPageKit } from '../content/descriptor';
import { descriptorOf } from '../content/registry';
import type { PreviewUid, PreviewVersion } from './preview-links';
import type { PreviewedVersion } from './previewed-version';

export const PREVIEW_VIEWS = ['website', 'wechat', 'screen'] as const;
export type PreviewView = (typeof PREVIEW_VIEWS)[number];

/** Everything one preview page shows; built by preview-route.ts, rendered here without I/O. */
export type PreviewPage = {
  view: PreviewView;
  /** The link's own token: the tabs and the screen frame carry it on. */
  token: string;
  uid: PreviewUid;
  locale: string;
  linkVersion: PreviewVersion;
  version: PreviewedVersion;
  expiresAt: Date;
  timeZone: string;
  siteTitle: string;
  /** The API's `rendered` of this version (sanitised HTML, responsive images). */
  rendered: Record<string, unknown>;
  /** The phone frame of the WeChat article (with what to know about it), or why there is none. */
  wechat: { frame: string; notice: string | null } | { problem: string };
  /** Whether the version targets the display screens (brand profiles always do). */
  onScreens: boolean;
};

const VIEW_LABELS: Record<PreviewView, string> = {
  website: '网站 Website',
  wechat: '微信 WeChat',
  screen: '大屏 Screen',
};

const text = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? escapeHtml(String(value)) : '';
const clock = (at: string | Date, timeZone: string) => readableTime(at, timeZone);

/** Which version this is and where it stands, in the mark every view carries. */
export const versionLabel = (
  page: Pick<PreviewPage, 'linkVersion' | 'version' | 'timeZone'>,
): string => {
  if (page.linkVersion === 'published') return '线上版本 Live version';
  const { reviewState, stage, publishAt } = page.version;
  switch (reviewState) {
    case 'in_review':
      return `待审版本 · ${stage ?? '审核'}中 In review${stage ? ` at ${stage}` : ''}`;
    case 'approved':
      return publishAt
        ? `已通过，定时发布 ${clock(publishAt, page.timeZone)} Approved, scheduled`
        : '已通过，待发布 Approved, waiting';
    case 'changes_requested':
      return '已退回修改 Sent back for changes';
    case 'published':
      return '已发布 · 草稿版本 Published; this is the draft';
    case 'unpublished':
      return '已下线 · 草稿版本 Unpublished; this is the draft';
    default:
      return '草稿 Draft';
  }
};

const image = (picture: unknown, sizes: string, className = ''): string => {
  const file = picture as ResponsiveImage | null;
  if (!file?.url) return '';
  const size = file.width && file.height ? ` width="${file.width}" height="${file.height}"` : '';
  return `<img class="${className}" src="${text(file.url)}" srcset="${text(file.srcset)}" sizes="${sizes}" alt="${text(file.alt)}"${size}>`;
};

/** A link only to the web: a draft's fields are not validated yet (Strapi checks patterns at publish), so `javascript:` stays text. */
const webLink = (url: unknown): string => {
  let protocol = '';
  try {
    protocol = new URL(String(url)).protocol;
  } catch {
    protocol = '';
  }
  return protocol === 'http:' || protocol === 'https:'
    ? `<a href="${text(url)}" rel="noopener noreferrer">${text(url)}</a>`
    : text(url);
};

const nameOf = (relation: unknown): string => text((relation as { name?: string } | null)?.name);
const meta = (parts: string[]) => {
  const shown = parts.filter(Boolean);
  return shown.length ? `<p class="meta">${shown.join('<span class="dot">·</span>')}</p>` : '';
};

/** What a type's website view (its descriptor's preview) builds its page from. */
const pageKit = (timeZone: string): PreviewPageKit => ({
  text,
  image,
  meta,
  nameOf,
  clock: (at) => clock(at, timeZone),
  webLink,
});

/** The website's page of a type, from the same `rendered` the API serves. */
const websitePage = (page: PreviewPage): string => {
  const preview = descriptorOf(page.uid)?.preview;
  return preview
    ? preview.websitePage(page.version.row, page.rendered, pageKit(page.timeZone))
    : '';
};

const viewBody = (page: PreviewPage): string => {
  switch (page.view) {
    case 'website':
      return `<div class="site"><header class="site-head">${text(page.siteTitle)}</header><article>${websitePage(page)}</article></div>`;
    case 'wechat':
      return 'frame' in page.wechat
        ? `${page.wechat.notice ? `<p class="notice">${text(page.wechat.notice)}</p>` : ''}<div class="phone"><iframe title="微信预览 WeChat preview" sandbox srcdoc="${escapeHtml(page.wechat.frame)}"></iframe></div>`
        : `<p class="notice">${text(page.wechat.problem)}</p>`;
    case 'screen': {
      const query = new URLSearchParams({ preview: page.token, locale: page.locale });
      const notice = page.onScreens
        ? ''
        : '<p class="notice">本条未选择大屏渠道：发布后不会上屏 / Not targeted at the display screens: it will not be shown there</p>';
      return `${notice}<div class="screen-stage"><iframe title="大屏预览 Screen preview" src="/screen/?${text(query.toString())}" scrolling="no"></iframe></div>`;
    }
  }
};

const STYLE = `
*{box-sizing:border-box}body{margin:0;font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#222;background:#f4f1ec}
.bar{position:sticky;top:0;z-index:2;display:flex;flex-wrap:wrap;align-items:center;gap:8px 14px;padding:8px 14px;background:#2b0a0f;color:#fff;font-size:13px}
.mark{background:#c8102e;color:#fff;font-weight:700;padding:2px 10px;border-radius:4px;letter-spacing:2px}
.bar nav{display:flex;gap:4px;margin-left:auto}.bar nav a{color:#f4c542;text-decoration:none;padding:3px 10px;border-radius:4px}
.bar nav a[aria-current]{background:#f4c542;color:#2b0a0f}.expires{opacity:.75}
.site{max-width:820px;margin:0 auto;background:#fff;min-height:100vh}.site-head{padding:14px 24px;background:#c8102e;color:#fff;font-weight:700}
article{padding:20px 24px 48px;line-height:1.8;font-size:17px}h1{font-size:28px;line-height:1.35;margin:8px 0}
.crumbs{color:#c8102e;font-size:14px;margin:0}.subtitle{font-size:18px;color:#555;margin:0 0 6px}.meta{color:#888;font-size:14px}.dot{margin:0 6px}
.lead{display:block;width:100%;height:auto;border-radius:6px;margin:12px 0}.standfirst{background:#fbf6ee;border-left:4px solid #c8102e;padding:10px 14px;color:#444}
.body img{max-width:100%;height:auto}.body figure{margin:16px 0}.body figcaption{color:#888;font-size:14px;text-align:center}
.metrics{display:flex;flex-wrap:wrap;gap:12px}.metrics div{background:#fbf6ee;padding:8px 14px;border-radius:6px}.metrics dt{font-size:13px;color:#888}.metrics dd{margin:0;font-size:22px;font-weight:700;color:#c8102e}
.gallery{display:grid;grid-template-columns:repeat(2,1fr);gap:8px}.gallery img{width:100%;height:auto}
.brand-head{display:flex;gap:16px;align-items:center}.logo{width:96px;height:96px;object-fit:cover;border-radius:12px}
.phone{display:flex;justify-content:center;padding:24px 8px}.phone iframe{width:375px;max-width:100%;height:720px;border:0;border-radius:16px;background:#fff;box-shadow:0 4px 24px rgba(0,0,0,.15)}
.notice{max-width:820px;margin:16px auto;padding:10px 14px;background:#fff4e5;border:1px solid #f0b35b;border-radius:6px}
.screen-stage{--scale:.6;width:calc(1920px * var(--scale));height:calc(1080px * var(--scale));margin:16px auto;overflow:hidden;border-radius:8px}
.screen-stage iframe{width:1920px;height:1080px;border:0;transform:scale(var(--scale));transform-origin:0 0}
@media (max-width:1199px){.screen-stage{--scale:.45}}@media (max-width:899px){.screen-stage{--scale:.34}}@media (max-width:679px){.screen-stage{--scale:.18}}
@media (max-width:600px){article{padding:14px 14px 40px;font-size:16px}h1{font-size:23px}.bar nav{margin-left:0}}`;

/** The whole page: the 预览 mark, which version and stage, the link's expiry, the three views. */
export const previewPageHtml = (page: PreviewPage): string => {
  const tab = (view: PreviewView) => {
    const href = `?${new URLSearchParams({ token: page.token, view }).toString()}`;
    return `<a href="${text(href)}"${view === page.view ? ' aria-current="page"' : ''}>${VIEW_LABELS[view]}</a>`;
  };
  const title = text(page.version.row.title ?? page.version.row.name);
  return `<!doctype html><html lang="${text(page.locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow"><title>预览 · ${title}</title><style>${STYLE}</style></head>
<body><div class="bar" data-testid="preview-bar"><span class="mark">预览 PREVIEW</span><span data-testid="preview-version">${text(versionLabel(page))}</span>
<span class="expires">链接有效至 ${text(clock(page.expiresAt, page.timeZone))} Link valid until then</span><nav>${PREVIEW_VIEWS.map(tab).join('')}</nav></div>
${viewBody(page)}</body></html>`;
};

/** A page for a link that cannot open: why, and what to do. */
export const previewProblemHtml = (message: string): string =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow"><title>预览 Preview</title><style>${STYLE}</style></head>
<body><div class="bar"><span class="mark">预览 PREVIEW</span></div><p class="notice" data-testid="preview-problem">${text(message)}</p></body></html>`;
