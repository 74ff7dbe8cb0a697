import type { PageKind } from '../../content/registry';

/** Where a type's pages live on the website (`articles`): its descriptor's `pageKind`. */
export type SiteKind = PageKind;

export type SitemapEntry = { kind: SiteKind; locale: string; slug: string; updatedAt: string };
