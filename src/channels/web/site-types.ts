export type SiteKind = 'articles' | 'videos' | 'achievements' | 'brands';

export type SitemapEntry = { kind: SiteKind; locale: string; slug: string; updatedAt: string };
