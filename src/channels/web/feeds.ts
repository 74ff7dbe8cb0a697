import escapeHtml from 'escape-html';
import { Feed } from 'feed';
import { plainText, renderBlocks } from './body-html';
import { responsiveImage, type MediaFile } from './responsive-image';
import { pageUrl, type Site } from './site';

// RSS <title>/<description> and Atom <title type="html">/<summary type="html"> are read as HTML
// by feed readers; JSON Feed's title and summary are plain text. `textAsHtml` says which.
export const FEED_FORMATS = {
  rss: {
    contentType: 'application/rss+xml; charset=utf-8',
    textAsHtml: true,
    render: (feed: Feed) => feed.rss2(),
  },
  atom: {
    contentType: 'application/atom+xml; charset=utf-8',
    textAsHtml: true,
    render: (feed: Feed) => feed.atom1(),
  },
  json: {
    contentType: 'application/feed+json; charset=utf-8',
    textAsHtml: false,
    render: (feed: Feed) => feed.json1(),
  },
} as const;
export type FeedFormat = keyof typeof FEED_FORMATS;
export const isFeedFormat = (format: string): format is FeedFormat =>
  Object.prototype.hasOwnProperty.call(FEED_FORMATS, format);

export type FeedArticle = {
  documentId: string;
  slug: string;
  title: string;
  digest?: string | null;
  author?: string | null;
  body: unknown;
  publishedAt: string;
  updatedAt: string;
  cover?: MediaFile | null;
  category?: { name: string; slug: string } | null;
};

export type FeedScope = {
  locale: string;
  category?: { name: string; slug: string } | null;
  brand?: { name: string; slug: string } | null;
};

/**
 * Published website articles of one locale (optionally one category or brand) as a feed in
 * `format`. Titles and digests are an editor's plain text: where the format reads them as HTML
 * they are escaped, so `<script>` in a title is shown, never run.
 */
export const articleFeed = (
  site: Site,
  scope: FeedScope,
  articles: FeedArticle[],
  format: FeedFormat,
  selfUrl: (format: FeedFormat) => string,
): Feed => {
  const text = FEED_FORMATS[format].textAsHtml ? escapeHtml : (value: string) => value;
  const narrowed = scope.category?.name ?? scope.brand?.name;
  const feed = new Feed({
    title: narrowed ? `${site.title} · ${narrowed}` : site.title,
    description: site.description,
    id: `${site.url}/${scope.locale}`,
    link: `${site.url}/${scope.locale}`,
    language: scope.locale,
    updated: articles.length > 0 ? new Date(articles[0].publishedAt) : new Date(0),
    generator: 'Brand Publicity CMS',
    copyright: site.title,
    feedLinks: { rss: selfUrl('rss'), atom: selfUrl('atom'), json: selfUrl('json') },
  });
  for (const article of articles) {
    const url = pageUrl(site, 'articles', scope.locale, article.slug);
    const cover = responsiveImage(article.cover, site.mediaBase);
    feed.addItem({
      id: url,
      link: url,
      title: text(article.title),
      description: text(article.digest || plainText(article.body).slice(0, 128)),
      content: renderBlocks(article.body, site.mediaBase),
      date: new Date(article.publishedAt),
      published: new Date(article.publishedAt),
      author: article.author ? [{ name: article.author }] : undefined,
      image: cover?.url,
      category: article.category
        ? [{ name: article.category.name, term: article.category.slug }]
        : undefined,
    });
  }
  return feed;
};
