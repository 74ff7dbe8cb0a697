import sanitizeHtml from 'sanitize-html';
import { absoluteUrl, responsiveImage, type MediaFile } from './responsive-image';

/** Strapi's structured rich text ("blocks"), as stored on articles, achievements and brand stories. */
type TextLeaf = {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
};
type Inline = TextLeaf | { type: 'link'; url: string; children: Inline[] };
type Block =
  | { type: 'paragraph' | 'quote'; children: Inline[] }
  | { type: 'heading'; level: number; children: Inline[] }
  | { type: 'code'; children: Inline[] }
  | {
      type: 'list';
      format: 'ordered' | 'unordered';
      children: Array<Block | { type: 'list-item'; children: Inline[] }>;
    }
  | { type: 'image'; image: MediaFile; children?: Inline[] };

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const inline = (node: Inline): string => {
  if (node.type === 'link')
    return `<a href="${escapeHtml(node.url ?? '')}">${(node.children ?? []).map(inline).join('')}</a>`;
  let html = escapeHtml(node.text ?? '').replace(/\n/g, '<br>');
  if (node.code) html = `<code>${html}</code>`;
  if (node.bold) html = `<strong>${html}</strong>`;
  if (node.italic) html = `<em>${html}</em>`;
  if (node.underline) html = `<u>${html}</u>`;
  if (node.strikethrough) html = `<s>${html}</s>`;
  return html;
};

const block = (node: Block, base: string | null): string => {
  switch (node.type) {
    case 'paragraph':
      return `<p>${node.children.map(inline).join('')}</p>`;
    case 'quote':
      return `<blockquote>${node.children.map(inline).join('')}</blockquote>`;
    case 'heading': {
      const level = Math.min(Math.max(Math.trunc(node.level) || 2, 1), 6);
      return `<h${level}>${node.children.map(inline).join('')}</h${level}>`;
    }
    case 'code':
      return `<pre><code>${node.children.map(inline).join('')}</code></pre>`;
    case 'list': {
      const tag = node.format === 'ordered' ? 'ol' : 'ul';
      const items = node.children.map((child) =>
        child.type === 'list-item'
          ? `<li>${child.children.map(inline).join('')}</li>`
          : block(child, base),
      );
      return `<${tag}>${items.join('')}</${tag}>`;
    }
    case 'image': {
      const image = responsiveImage(node.image, base);
      if (!image) return '';
      const size =
        image.width && image.height ? ` width="${image.width}" height="${image.height}"` : '';
      const caption = node.image.caption
        ? `<figcaption>${escapeHtml(node.image.caption)}</figcaption>`
        : '';
      return `<figure><img src="${escapeHtml(image.url)}" srcset="${escapeHtml(image.srcset)}" sizes="(max-width: 1000px) 100vw, 1000px" alt="${escapeHtml(image.alt)}"${size} loading="lazy">${caption}</figure>`;
    }
    default:
      return '';
  }
};

/**
 * The allowlist every rendered body passes through, whatever produced it: structural tags only,
 * no scripts, frames, styles or event handlers, and links only to http(s) and mail.
 */
const ALLOWLIST: sanitizeHtml.IOptions = {
  allowedTags: [
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
    'a',
    'figure',
    'figcaption',
    'img',
  ],
  allowedAttributes: {
    a: ['href', 'rel', 'target'],
    img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
};

export const sanitizeBodyHtml = (html: string): string => sanitizeHtml(html, ALLOWLIST);

/** Blocks to sanitised HTML; `base` makes upload URLs absolute (for feeds and other sites). */
export const renderBlocks = (blocks: unknown, base: string | null = null): string => {
  if (!Array.isArray(blocks)) return '';
  const html = (blocks as Block[]).map((node) => block(node, base)).join('\n');
  return sanitizeBodyHtml(
    base
      ? html.replace(
          / (src|href)="(\/[^"]*)"/g,
          (_match, attribute, url) => ` ${attribute}="${absoluteUrl(url, base)}"`,
        )
      : html,
  );
};

/** Plain text of blocks, for digests and feed summaries. */
export const plainText = (blocks: unknown): string => {
  if (!Array.isArray(blocks)) return '';
  const walk = (node: unknown): string => {
    const value = node as { text?: string; children?: unknown[] };
    if (typeof value?.text === 'string') return value.text;
    return Array.isArray(value?.children) ? value.children.map(walk).join('') : '';
  };
  return blocks.map(walk).filter(Boolean).join('\n');
};
