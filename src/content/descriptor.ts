/**
 * What the system knows of one content type, in one place: src/content/<type>.ts declares it,
 * registry.ts lists it, and everything that treats types differently (review, channels, preview,
 * labels) asks the registry instead of naming types.
 *
 * Descriptors are data and functions only: their files import types and src/content's own data
 * (shared labels, review chains), never a module with dependencies. The channels hand a renderer
 * the tools it needs (a `kit`), and the demo seed its texts, so the registry loads before anything
 * else (constants.ts derives from it) and the admin panel's bundle can import it too.
 */
import type { ResponsiveImage } from '../channels/web/responsive-image';
import type { Core } from '@strapi/strapi';
import type { ChannelRow } from '../channels/channel-reads';
import type { DEFAULT_LOCALE } from '../constants';
import type * as DemoContent from '../demo/demo-content';
import type { DemoImageIds } from '../demo/demo-images';
import type { ReviewStage } from '../workflow/contracts';

/** A content type's uid as Strapi writes it. */
export type ContentTypeUid = `api::${string}.${string}`;

/** A label and help text editors read in the content manager. */
export type FieldLabel = { label: string; description?: string };
export type FieldLabels = Record<string, FieldLabel>;

/** A version as the renderers read it: its fields and what was populated, by name. */
export type RenderedItem = Record<string, unknown>;

/** What the website channel gives a type's renderer. */
export type WebsiteKit = { image: (file: unknown) => ResponsiveImage | null };

/** How a type appears on the website: its pages and the `rendered` the Content API adds. */
export type WebsitePages = {
  /** The path segment of its pages: `<site>/<locale>/<pageKind>/<slug>`. */
  pageKind: string;
  /** Its rich text field, rendered to HTML once per released version; none when it has none. */
  richText?: string;
  /** `rendered`, from the item and its rich text's HTML ('' when it has none). */
  render: (item: RenderedItem, html: string, kit: WebsiteKit) => Record<string, unknown>;
};

/** What the preview page gives a type's website view: escaping and the page's common parts. */
export type PreviewPageKit = {
  /** A string or number, escaped; anything else is ''. */
  text: (value: unknown) => string;
  image: (picture: unknown, sizes: string, className?: string) => string;
  /** Parts of a byline joined by dots, or '' when all are empty. */
  meta: (parts: string[]) => string;
  /** The name of a related item, escaped. */
  nameOf: (relation: unknown) => string;
  /** A time on the people's wall clock. */
  clock: (at: string | Date) => string;
  /** A link only when the address is http(s); text otherwise. */
  webLink: (url: unknown) => string;
};

/** How a version not yet released is previewed (the website view; WeChat and screens are the channels'). */
export type PreviewViews = {
  /** What its renderings show besides its own fields. */
  populate: readonly string[];
  /** The website's page body, from the version's row and the same `rendered` the API serves. */
  websitePage: (
    row: RenderedItem,
    rendered: Record<string, unknown>,
    kit: PreviewPageKit,
  ) => string;
};

/** What the screen feed gives a type's card. */
export type ScreenKit = {
  image: (file: unknown) => ResponsiveImage | null;
  plainText: (blocks: unknown) => string;
};

/** A type's part of a screen item: the fields after its id, title, time and 栏目. */
export type ScreenCard = { kind: string; summary: string; image: ResponsiveImage | null };

/** How a type appears among the display screen's latest items. */
export type ScreenPresence = {
  /** Its order in the feed's read (the feed then sorts all types by release time). */
  sort: ReadonlyArray<Readonly<Record<string, 'asc' | 'desc'>>>;
  /** What its card and the screen's other panels read. */
  populate: Readonly<Record<string, true | { readonly fields: readonly string[] }>>;
  /** At most this many, newest first; every one when absent. */
  limit?: number;
  card: (row: ChannelRow, kit: ScreenKit) => ScreenCard;
};

/** What the demo seed (src/demo/seed-demo.ts) gives a type's part of the demo. */
export type DemoKit = {
  strapi: Core.Strapi;
  /** The demo's texts (src/demo/demo-content.ts), handed over so the admin bundle never holds them. */
  content: typeof DemoContent;
  images: DemoImageIds;
  /** The default locale, which every demo item is written in first. */
  locale: typeof DEFAULT_LOCALE;
  /**
   * The documentId of the demo item of `uid` with `slug`, created by `create` when no version has
   * it (a resumed seed makes no duplicate); remembered for `idOf`.
   */
  ensure: (
    uid: ContentTypeUid,
    slug: string,
    create: () => Promise<{ documentId: string }>,
  ) => Promise<string>;
  /** The documentId of a demo item seeded before (a relation's target); throws when there is none. */
  idOf: (uid: ContentTypeUid, slug: string) => string;
  /** Released through the gate on a recorded system approval, unless already live. */
  release: (uid: ContentTypeUid, documentId: string, locale?: string) => Promise<void>;
  /** Submitted by the demo editor, so reviewers have a queue to try. */
  submitAsEditor: (uid: ContentTypeUid, documentId: string) => Promise<void>;
};

export type ContentTypeDescriptor = {
  uid: ContentTypeUid;
  /** The name code uses for it (`UID.article`). */
  name: string;
  /**
   * Its place in every list of types (permissions granted, review chains seeded, the sitemap's
   * segments, the admin's filters): a new type takes the next free number.
   */
  position: number;
  /** Draft & publish: it goes through review before release. */
  publishable: boolean;
  /** A taxonomy (a 栏目, a tag): what readers see of it is reviewed by a chain of its own. */
  taxonomy: boolean;
  /** It carries a `channels` component and a flag column per channel. */
  channelTargeted: boolean;
  /** It has a version per locale. */
  localized: boolean;
  labels: { zh: string; en: string };
  /** The content manager's labels of its fields, in Chinese. */
  fieldLabels: FieldLabels;
  /** The columns of its list in the content manager, newest change first; Strapi's when absent. */
  listColumns?: readonly string[];
  /** The review stages it goes through until an administrator configures its chain. */
  reviewChain: readonly ReviewStage[];
  /** Its pages and `rendered` on the website; absent when it has no pages of its own. */
  website?: WebsitePages;
  /** Its preview before release; only types the website renders have one. */
  preview?: PreviewViews;
  /** How it appears on the display screens; absent when it appears there in no list of items. */
  screen?: ScreenPresence;
  /** Its part of the demo content, seeded in `order` (relations point to types seeded before). */
  demo?: { order: number; seed: (kit: DemoKit) => Promise<void> };
};
