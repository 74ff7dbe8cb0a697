import type { Core } from '@strapi/strapi';
import { UID } from '../../constants';
import type { ScreenKit, ScreenPresence } from '../../content/descriptor';
import { descriptorOf, screenTypes, type ScreenUid } from '../../content/registry';
import { channelReads, type ChannelRow } from '../channel-reads';
import { targetedAt } from '../../kernel/channel-flags';
import { plainText } from '../web/body-html';
import {
  absoluteUrl,
  responsiveImage,
  type MediaFile,
  type ResponsiveImage,
} from '../web/responsive-image';

/** One item of the screen's feed; `category` is its 栏目's name (the label above its title), null when it has none. */
export type ScreenItem = {
  /** Its type's card kind (`article`): src/content/<type>.ts. */
  kind: string;
  documentId: string;
  title: string;
  summary: string;
  image: ResponsiveImage | null;
  publishedAt: string;
  category: string | null;
};
export type ScreenFeed = {
  locale: string;
  brand: {
    name: string;
    slogan: string | null;
    themeColor: string | null;
    logo: ResponsiveImage | null;
    pillars: Array<{ title: string; text: string | null }>;
  } | null;
  latest: ScreenItem[];
  achievements: Array<{
    documentId: string;
    title: string;
    level: string;
    kind: string;
    achievedOn: string;
    metrics: Array<{ label: string; value: number; unit: string | null }>;
    image: ResponsiveImage | null;
  }>;
  playlist: Array<{
    documentId: string;
    title: string;
    url: string | null;
    poster: ResponsiveImage | null;
    durationSeconds: number | null;
  }>;
  counts: { publishedThisMonth: number; achievementsByLevel: Record<string, number> };
};

/** A descriptor's populate as a query takes it (its own arrays, not the descriptor's). */
const copiedPopulate = (populate: ScreenPresence['populate']) =>
  Object.fromEntries(
    Object.entries(populate).map(([field, what]) => [
      field,
      what === true ? true : { fields: [...what.fields] },
    ]),
  );

const LEVELS = ['national', 'provincial', 'group', 'company', 'unit'] as const;
const LATEST = 12;

/** The first instant of `now`'s month on the screens' wall clock (e.g. Asia/Shanghai). */
export const startOfMonth = (now: Date, timeZone: string): Date => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      timeZoneName: 'longOffset',
    })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  const offset = /GMT([+-])(\d{2}):?(\d{2})?/.exec(parts.timeZoneName ?? '');
  const offsetMinutes = offset
    ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3] ?? 0))
    : 0;
  return new Date(
    Date.UTC(Number(parts.year), Number(parts.month) - 1, 1) - offsetMinutes * 60_000,
  );
};

export type ScreenItemUid = ScreenUid;

/** What each type's card (its descriptor's `screen`) is made with. */
const cardKit = (mediaBase: string | null): ScreenKit => ({
  image: (file) => responsiveImage(file as MediaFile | null | undefined, mediaBase),
  plainText,
});

/** One item as the featured card shows it (also the preview of a version not yet on screens). */
export const screenItemOf = (
  uid: ScreenItemUid,
  row: ChannelRow,
  mediaBase: string | null,
): ScreenItem => {
  const screen = descriptorOf(uid)?.screen;
  if (!screen) throw new Error(`${uid} has no items on the display screens`);
  return {
    documentId: row.documentId,
    title: row.title,
    publishedAt: row.publishedAt,
    category: typeof row.category?.name === 'string' ? row.category.name : null,
    ...screen.card(row, cardKit(mediaBase)),
  };
};

/** A brand profile as the screen's masthead and pillars show it. */
export const screenBrandOf = (
  brand: ChannelRow,
  mediaBase: string | null,
): NonNullable<ScreenFeed['brand']> => ({
  name: brand.name,
  slogan: brand.slogan ?? null,
  // A colour only (a draft in a preview is not validated yet): it becomes a CSS custom property.
  themeColor:
    typeof brand.themeColor === 'string' && /^#[0-9a-f]{6}$/i.test(brand.themeColor)
      ? brand.themeColor
      : null,
  logo: responsiveImage(brand.logo, mediaBase),
  pillars: (brand.pillars ?? []).map((pillar: ChannelRow) => ({
    title: pillar.title,
    text: pillar.text ?? null,
  })),
});

/**
 * The compact payload a 1920×1080 display needs: only published items targeted at screens
 * (brand profiles go everywhere), newest first. Deterministic for the same content, so its
 * hash is a strong ETag. Reads state `published` and the screen target themselves.
 */
export const buildScreenFeed = async (
  strapi: Core.Strapi,
  options: { locale: string; now: Date; timeZone: string; mediaBase: string | null },
): Promise<ScreenFeed> => {
  const { locale, mediaBase } = options;
  const common = { locale, status: 'published' as const };
  const onScreens = { ...common, filters: targetedAt('screen') };
  const image = (file: MediaFile | null | undefined) => responsiveImage(file, mediaBase);

  const [brand, listed] = await Promise.all([
    channelReads(strapi, UID.brand).findFirst({
      ...common,
      sort: [{ id: 'asc' }],
      populate: { pillars: true, logo: true },
    }),
    // Each type's items on the screens, as its descriptor reads them (article, video, achievement).
    Promise.all(
      screenTypes().map(async ({ uid, sort, limit, populate }) => ({
        uid,
        rows: await channelReads(strapi, uid).findMany({
          ...onScreens,
          sort: sort.map((order) => ({ ...order })),
          ...(limit === undefined ? {} : { limit }),
          populate: copiedPopulate(populate),
        }),
      })),
    ),
  ]);
  const rowsOf = (uid: ScreenItemUid): ChannelRow[] =>
    listed.find((list) => list.uid === uid)?.rows ?? [];
  const videos = rowsOf(UID.video);
  const achievements = rowsOf(UID.achievement);

  const latest: ScreenItem[] = listed
    .flatMap(({ uid, rows }) => rows.map((row) => screenItemOf(uid, row, mediaBase)))
    .sort(
      (a, b) =>
        b.publishedAt.localeCompare(a.publishedAt) || a.documentId.localeCompare(b.documentId),
    )
    .slice(0, LATEST);

  const monthStart = startOfMonth(options.now, options.timeZone).toISOString();
  const publishedThisMonth = {
    ...common,
    filters: { $and: [targetedAt('screen'), { publishedAt: { $gte: monthStart } }] },
  };
  const monthCounts = await Promise.all(
    screenTypes().map(({ uid }) => channelReads(strapi, uid).count(publishedThisMonth)),
  );
  const achievementsByLevel = Object.fromEntries(
    LEVELS.map((level) => [level, achievements.filter((row) => row.level === level).length]),
  );

  return {
    locale,
    brand: brand ? screenBrandOf(brand, mediaBase) : null,
    latest,
    achievements: achievements.map((row) => ({
      documentId: row.documentId,
      title: row.title,
      level: row.level,
      kind: row.kind,
      achievedOn: row.achievedOn,
      metrics: (row.metrics ?? []).map((metric: ChannelRow) => ({
        label: metric.label,
        value: Number(metric.value),
        unit: metric.unit ?? null,
      })),
      image: image(row.gallery?.[0]),
    })),
    playlist: videos.map((row) => ({
      documentId: row.documentId,
      title: row.title,
      url: row.media?.url ? absoluteUrl(row.media.url, mediaBase) : (row.externalUrl ?? null),
      poster: image(row.poster),
      durationSeconds: row.durationSeconds ?? null,
    })),
    counts: {
      publishedThisMonth: monthCounts.reduce((sum, count) => sum + count, 0),
      achievementsByLevel,
    },
  };
};
