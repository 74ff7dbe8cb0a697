import juice from 'juice';
import sanitizeHtml from 'sanitize-html';
import { errors } from '@strapi/utils';
import { plainText, renderBlocks } from '../web/body-html';
import { HOUSE_STYLESHEET } from './house-style';
import { WECHAT_LIMITS, wechatLength as length } from './limits';

export { WECHAT_LIMITS };

export type WechatArticleSource = {
  title: string;
  author?: string | null;
  digest?: string | null;
  body: unknown;
  source?: string | null;
  /** The article's page on the website: "阅读原文". */
  pageUrl: string;
};

export type WechatArticle = {
  title: string;
  author: string;
  digest: string;
  content: string;
  content_source_url: string;
  need_open_comment: 0 | 1;
  only_fans_can_comment: 0 | 1;
  /** Body image URLs that must be re-uploaded to WeChat (uploadimg) and replaced in `content`. */
  images: string[];
};

const tooLong = (field: keyof typeof WECHAT_LIMITS, value: string) =>
  new errors.ValidationError(
    `微信文章的${{ title: '标题', author: '作者', digest: '摘要', content: '正文' }[field]}不能超过 ${WECHAT_LIMITS[field]} 字（现为 ${length(value)} 字） / WeChat allows at most ${WECHAT_LIMITS[field]} characters in ${field} (this one has ${length(value)})`,
    {
      errors: [{ path: [field], message: `at most ${WECHAT_LIMITS[field]} characters` }],
    },
  );

/** WeChat does not follow links to other sites: each becomes a numbered footnote. */
const linksToFootnotes = (html: string): { html: string; footnotes: string[] } => {
  const footnotes: string[] = [];
  const rewritten = html.replace(
    /<a href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g,
    (_match, href: string, text: string) => {
      if (/^https?:\/\/mp\.weixin\.qq\.com\//.test(href)) return `<a href="${href}">${text}</a>`;
      footnotes.push(href);
      return `${text}<sup>[${footnotes.length}]</sup>`;
    },
  );
  return { html: rewritten, footnotes };
};

/** What WeChat keeps: structural tags with inline styles only, no classes, ids, scripts, frames or forms. */
const WECHAT_ALLOWLIST: sanitizeHtml.IOptions = {
  allowedTags: [
    'section',
    'p',
    'br',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'pre',
    'code',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'u',
    's',
    'sup',
    'span',
    'a',
    'figure',
    'figcaption',
    'img',
  ],
  allowedAttributes: { '*': ['style'], a: ['href', 'style'], img: ['src', 'alt', 'style'] },
  allowedSchemes: ['http', 'https'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
};

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * An article in WeChat's draft format. Too long a title, author or body is a validation error
 * naming the field — never silently cut; an empty digest is derived from the body.
 */
export const formatWechatArticle = (
  article: WechatArticleSource,
  mediaBase: string | null,
): WechatArticle => {
  const title = article.title.trim();
  if (length(title) > WECHAT_LIMITS.title) throw tooLong('title', title);
  const author = (article.author ?? '').trim();
  if (length(author) > WECHAT_LIMITS.author) throw tooLong('author', author);
  const derived = [...plainText(article.body).replace(/\s+/g, ' ').trim()];
  const digest =
    (article.digest ?? '').trim() ||
    (derived.length > WECHAT_LIMITS.digest
      ? `${derived.slice(0, WECHAT_LIMITS.digest - 1).join('')}…`
      : derived.join(''));
  if (length(digest) > WECHAT_LIMITS.digest) throw tooLong('digest', digest);

  const { html, footnotes } = linksToFootnotes(renderBlocks(article.body, mediaBase));
  const notes =
    footnotes.length > 0
      ? `<section class="footnotes">${footnotes.map((href, index) => `<p>[${index + 1}] ${escapeHtml(href)}</p>`).join('')}</section>`
      : '';
  const source = article.source ? `<p class="source">来源：${escapeHtml(article.source)}</p>` : '';
  const styled = juice(
    `<style>${HOUSE_STYLESHEET}</style><section class="article">${html}${source}${notes}</section>`,
    { removeStyleTags: true, preserveImportant: false },
  );
  const content = sanitizeHtml(styled, WECHAT_ALLOWLIST).replace(/\n/g, '');
  if (length(content) >= WECHAT_LIMITS.content) throw tooLong('content', content);

  const images = [...content.matchAll(/<img [^>]*src="([^"]+)"/g)].map((match) => match[1]);
  return {
    title,
    author,
    digest,
    content,
    content_source_url: article.pageUrl,
    need_open_comment: 1,
    only_fans_can_comment: 0,
    images,
  };
};
