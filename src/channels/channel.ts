import type { Core } from '@strapi/strapi';
import type { AdminRoutes } from '../access/admin-route';
import type { PreviewPageKit } from '../content/descriptor';
import type { PreviewUid } from '../content/registry';
import type { ChannelFeed } from '../response-cache/reader-scope';
import type { ReleaseListener } from '../workflow/release-announcements';

/** A label in the two languages the admin panel shows. */
export type ChannelLabel = { zh: string; en: string };

/** A version on the preview page, as a channel's view of it reads it. */
export type PreviewedItem = {
  uid: PreviewUid;
  locale: string;
  /** The version's row, with what its type's preview populates. */
  row: Record<string, unknown>;
  /** The preview link's own token: a frame inside the view carries it on. */
  token: string;
  /** Where media URLs are made absolute from. */
  mediaBase: string;
  /** Escaping, images and the people's clock, as the page's other parts use them. */
  kit: PreviewPageKit;
};

/** A channel's tab on the preview page: what it will show of a version not yet released. */
export type ChannelPreview = {
  /** The tab's label. */
  label: string;
  /** The view's HTML; every text in it escaped (`kit.text`). */
  render: (strapi: Core.Strapi, item: PreviewedItem) => string;
};

/**
 * A place released content goes (the website, the WeChat Official Account, the display screens):
 * everything the rest of the system needs to know of it. Each lives in its own folder
 * (`src/channels/<name>/channel.ts`) and is listed by the registry; nothing else names channels.
 *
 * From its name come its field in the `publishing.channels` component (the editor's choice, per
 * locale) and its flag column on each channel-targeted type; both are declared at register
 * when the schema files do not already. The release hooks are the workflow's
 * (`ReleaseListener`): inside a release's transaction, and once it commits.
 */
export type PublishingChannel = ReleaseListener & {
  /** Its field in the `channels` component, and what a Content API route of its own reads as. */
  name: string;
  /** The column on each targeted row, copied from the component, that reads filter on. */
  flag: string;
  /** How the admin panel names it. */
  label: ChannelLabel;
  /** The label of its checkbox in the content manager, when longer than `label.zh`. */
  fieldLabel?: string;
  /** Whether a new item targets it when its editor has not chosen. */
  targetedByDefault?: boolean;
  /** Audit actions it records (`<name>_<what>`), added to the audit entry's enumeration. */
  auditActions?: readonly string[];
  /** Participation point events it awards, added to the ledger's enumeration. */
  pointEvents?: readonly string[];
  /** Its own admin API (signed-in admin users), registered at start. */
  adminRoutes?: AdminRoutes;
  /**
   * Its own public read, which the response cache may answer before Strapi's chain: the path
   * under the API prefix of a route that sets `ctx.state.channel` to this channel's name, and
   * whether a request may read it (the screens' feed: a screen token).
   */
  cachedFeed?: Omit<ChannelFeed, 'channel'>;
  /** Its view on the preview page (a tab, in registry order); none when it has none. */
  preview?: ChannelPreview;
  /** At bootstrap, before the first release is announced to it. */
  start?: (strapi: Core.Strapi) => void | Promise<void>;
  /** At shutdown, after every announcement reached it: let its work in progress finish. */
  stop?: (strapi: Core.Strapi) => Promise<void>;
};
