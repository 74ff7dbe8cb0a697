import { achievement } from './achievement';
import { article } from './article';
import { brand } from './brand';
import { category } from './category';
import type { ContentTypeDescriptor, ScreenPresence, WebsitePages } from './descriptor';
import { organization } from './organization';
import { tag } from './tag';
import { video } from './video';

/**
 * Every public content type, one line each. The order is the order of the lists derived from it
 * (permissions granted, review chains seeded, the sitemap's segments): a new type goes last.
 */
export const CONTENT_TYPES = [
  brand,
  organization,
  article,
  video,
  achievement,
  category,
  tag,
] as const satisfies readonly ContentTypeDescriptor[];

type Registered = (typeof CONTENT_TYPES)[number];

/** The uid of every registered type. */
export type ContentUid = Registered['uid'];

/** The uid of every type with pages on the website (and a `rendered` in its API responses). */
export type WebsiteUid = Extract<Registered, { website: object }>['uid'];

/** The uid of every type with a list of items on the display screens. */
export type ScreenUid = Extract<Registered, { screen: object }>['uid'];

/** The uid of every type with a preview before release. */
export type PreviewUid = Extract<Registered, { preview: object }>['uid'];

/** The uid of each type by its name: `UID.article`. */
export type UidByName = { [Type in Registered as Type['name']]: Type['uid'] };

const byUid: ReadonlyMap<string, ContentTypeDescriptor> = new Map(
  CONTENT_TYPES.map((descriptor) => [descriptor.uid, descriptor]),
);

export const descriptorOf = (uid: string): ContentTypeDescriptor | undefined => byUid.get(uid);

export const isContentUid = (uid: string): uid is ContentUid => byUid.has(uid);

const uidsWhere = (test: (descriptor: ContentTypeDescriptor) => boolean): ContentUid[] =>
  CONTENT_TYPES.filter(test).map((descriptor) => descriptor.uid);

export const contentUids = (): ContentUid[] => uidsWhere(() => true);
export const taxonomyUids = (): ContentUid[] => uidsWhere((type) => type.taxonomy);
/** Publishable types with the taxonomies last, as review lists them. */
export const publishableUids = (): ContentUid[] => [
  ...uidsWhere((type) => type.publishable && !type.taxonomy),
  ...uidsWhere((type) => type.publishable && type.taxonomy),
];

/** The uid of every type that carries a `channels` component. */
export type ChannelTargetedUid = Extract<Registered, { channelTargeted: true }>['uid'];
const isTargeted = (type: Registered): type is Extract<Registered, { channelTargeted: true }> =>
  type.channelTargeted;
export const channelTargetedUids = (): ChannelTargetedUid[] =>
  CONTENT_TYPES.filter(isTargeted).map((type) => type.uid);

type WithWebsite = Extract<Registered, { website: object }>;
const hasWebsite = (type: Registered): type is WithWebsite => 'website' in type;
type Previewed = Extract<Registered, { preview: object }>;
const isPreviewed = (type: Registered): type is Previewed => 'preview' in type;
type OnScreens = Extract<Registered, { screen: object }>;
const onScreens = (type: Registered): type is OnScreens => 'screen' in type;

/** The path segment of a website page of each type (`articles`). */
export type PageKind = WithWebsite['website']['pageKind'];

/** The types with pages on the website, in registry order, with how they render. */
export const websiteTypes = (): Array<WebsitePages & { uid: WebsiteUid; pageKind: PageKind }> =>
  CONTENT_TYPES.filter(hasWebsite).map((type) => ({ ...type.website, uid: type.uid }));

/** The types with their own list of items on the display screens, in registry order. */
export const screenTypes = (): Array<ScreenPresence & { uid: ScreenUid }> =>
  CONTENT_TYPES.filter(onScreens).map((type) => ({ ...type.screen, uid: type.uid }));

/** The types with a preview before release, in registry order. */
export const previewUids = (): PreviewUid[] =>
  CONTENT_TYPES.filter(isPreviewed).map((type) => type.uid);

export const isScreenUid = (uid: string): uid is ScreenUid =>
  descriptorOf(uid)?.screen !== undefined;
