/** A Strapi media file as the API returns it: the original plus the formats sharp made. */
export type MediaFile = {
  url: string;
  width?: number | null;
  height?: number | null;
  alternativeText?: string | null;
  caption?: string | null;
  mime?: string | null;
  formats?: Record<string, { url: string; width: number; height: number }> | null;
};

export type ImageSource = { url: string; width: number; height: number };

export type ResponsiveImage = {
  url: string;
  width: number | null;
  height: number | null;
  alt: string;
  /** Every size available, smallest first: thumbnail, small, medium, large, original. */
  sources: ImageSource[];
  /** Ready for `<img srcset>`. */
  srcset: string;
};

/** Relative upload URLs made absolute against `base` (feeds and partner sites need absolute URLs). */
export const absoluteUrl = (url: string, base: string | null): string => {
  if (!base || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return url;
  return `${base.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
};

export const responsiveImage = (
  media: MediaFile | null | undefined,
  base: string | null = null,
): ResponsiveImage | null => {
  if (!media?.url) return null;
  const sources: ImageSource[] = Object.values(media.formats ?? {}).map((format) => ({
    url: absoluteUrl(format.url, base),
    width: format.width,
    height: format.height,
  }));
  if (media.width && media.height)
    sources.push({ url: absoluteUrl(media.url, base), width: media.width, height: media.height });
  sources.sort((a, b) => a.width - b.width);
  return {
    url: absoluteUrl(media.url, base),
    width: media.width ?? null,
    height: media.height ?? null,
    alt: media.alternativeText ?? '',
    sources,
    srcset: sources.map((source) => `${source.url} ${source.width}w`).join(', '),
  };
};
