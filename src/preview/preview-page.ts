import escapeHtml from 'escape-html';
import { readableTime } from '../i18n/people-time';
import type { ResponsiveImage } from '../channels/web/responsive-image';
import type { PreviewPageKit } from '../content/descriptor';
import type { PreviewUid, PreviewVersion } from './preview-links';
import type { PreviewedVersion } from './previewed-version';

/** A tab of the preview page: a channel's view. */
export type PreviewTab = { name: string; label: string };

/** Everything one preview page shows; built by preview-route.ts, rendered here without I/O. */
export type PreviewPage = {
  /** The channels' views, in order, and the one shown. */
  tabs: readonly PreviewTab[];
  view: string;
  /** The shown view's HTML (the channel's own). */
  body: string;
  /** The link's own token: the tabs carry it on. */
  token: string;
  uid: PreviewUid;
  locale: string;
  linkVersion: PreviewVersion;
  version: PreviewedVersion;
  expiresAt: Date;
  timeZone: string;
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

/** What the channels' views (and a type's website page) build their HTML with. */
export const pageKit = (timeZone: string): PreviewPageKit => ({
  text,
  image,
  meta,
  nameOf,
  clock: (at) => clock(at, timeZone),
  webLink,
});

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

/** The whole page: the 预览 mark, which version and stage, the link's expiry, the channels' views. */
export const previewPageHtml = (page: PreviewPage): string => {
  const tab = ({ name, label }: PreviewTab) => {
    const href = `?${new URLSearchParams({ token: page.token, view: name }).toString()}`;
    return `<a href="${text(href)}"${name === page.view ? ' aria-current="page"' : ''}>${text(label)}</a>`;
  };
  const title = text(page.version.row.title ?? page.version.row.name);
  return `<!doctype html><html lang="${text(page.locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow"><title>预览 · ${title}</title><style>${STYLE}</style></head>
<body><div class="bar" data-testid="preview-bar"><span class="mark">预览 PREVIEW</span><span data-testid="preview-version">${text(versionLabel(page))}</span>
<span class="expires">链接有效至 ${text(clock(page.expiresAt, page.timeZone))} Link valid until then</span><nav>${page.tabs.map(tab).join('')}</nav></div>
${page.body}</body></html>`;
};

/** A page for a link that cannot open: why, and what to do. */
export const previewProblemHtml = (message: string): string =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow"><title>预览 Preview</title><style>${STYLE}</style></head>
<body><div class="bar"><span class="mark">预览 PREVIEW</span></div><p class="notice" data-testid="preview-problem">${text(message)}</p></body></html>`;
