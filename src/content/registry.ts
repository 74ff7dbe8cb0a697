import type { ContentTypeDescriptor, ScreenPresence, WebsitePages } from './descriptor';
import * as BUILT_IN from './types';

type Registered = (typeof BUILT_IN)[keyof typeof BUILT_IN];

const byPosition = (a: ContentTypeDescriptor, b: ContentTypeDescriptor) => a.position - b.position;

/**
 * Every content type, in `position` order: the order of the lists derived from it (permissions
 * granted, review chains seeded, the sitemap's segments). The built-in types are the descriptors
 * src/content/types.ts lists, one line each; `registerContentType` adds one at run time.
 */
let registered: readonly Registered[] = Object.values(BUILT_IN).sort(byPosition);
let byUid: ReadonlyMap<string, Registered> = new Map(
  registered.map((descriptor) => [descriptor.uid, descriptor]),
);

/** The registered content types, in order. */
export const contentTypes = (): readonly Registered[] => registered;

/**
 * Adds a content type at run time (a test app's, whose schema Strapi was handed with its API
 * module instead of a folder under src/api). Only before Strapi loads the app: src/constants.ts
 * copies the lists when it is first imported, and the role grants and review chains read those
 * copies. Its uid joins lists typed with the built-in types' union: the one place the lists are
 * wider at run time than their types, since the generated types know only the schemas of src/api.
 */
export const registerContentType = (descriptor: ContentTypeDescriptor): void => {
  if (byUid.has(descriptor.uid)) throw new Error(`${descriptor.uid} is registered already`);
  registered = [...registered, descriptor as Registered].sort(byPosition);
  byUid = new Map(registered.map((type) => [type.uid, type]));
};

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

export const descriptorOf = (uid: string): ContentTypeDescriptor | undefined => byUid.get(uid);

export const isContentUid = (uid: string): uid is ContentUid => byUid.has(uid);

const uidsWhere = (test: (descriptor: ContentTypeDescriptor) => boolean): ContentUid[] =>
  registered.filter(test).map((descriptor) => descriptor.uid);

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
  registered.filter(isTargeted).map((type) => type.uid);
export const isChannelTargeted = (uid: string): uid is ChannelTargetedUid =>
  byUid.get(uid)?.channelTargeted === true;

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
  registered.filter(hasWebsite).map((type) => ({ ...type.website, uid: type.uid }));

/** The types with their own list of items on the display screens, in registry order. */
export const screenTypes = (): Array<ScreenPresence & { uid: ScreenUid }> =>
  registered.filter(onScreens).map((type) => ({ ...type.screen, uid: type.uid }));

/** The types with a preview before release, in registry order. */
export const previewUids = (): PreviewUid[] =>
  registered.filter(isPreviewed).map((type) => type.uid);

export const isScreenUid = (uid: string): uid is ScreenUid =>
  descriptorOf(uid)?.screen !== undefined;
