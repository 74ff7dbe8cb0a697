import type { Core } from '@strapi/strapi';
import { touchLiveContent } from '../kernel/live-content-version';

/**
 * What readers see changes on paths other than the release path (workflow/release.ts, which
 * moves the live-content version itself): a file's name, alternative text or replacement shows
 * in every response that populates it; Public's permissions and a token's decide what a reader
 * may read at all; the locales decide the default answer. Each write to these moves the version.
 */
const LIVE_SETTINGS = {
  files: 'plugin::upload.file',
  publicPermissions: 'plugin::users-permissions.permission',
  roles: 'plugin::users-permissions.role',
  tokens: 'admin::api-token',
  tokenPermissions: 'admin::api-token-permission',
  locales: 'plugin::i18n.locale',
} as const;

type LifecycleEvent = {
  action: string;
  model: { uid: string };
  params: { data?: Record<string, unknown> };
};

/** Strapi notes when a token was last used (at most hourly); that changes nothing a reader sees. */
const onlyBookkeeping = (event: LifecycleEvent): boolean => {
  if (event.model.uid !== LIVE_SETTINGS.tokens || !event.action.startsWith('afterUpdate'))
    return false;
  return Object.keys(event.params.data ?? {}).every(
    (field) => field === 'lastUsedAt' || field === 'updatedAt',
  );
};

/** A new file is used by nothing live yet; an upload must not empty every reader's cache. */
const newFile = (event: LifecycleEvent): boolean =>
  event.model.uid === LIVE_SETTINGS.files && event.action.startsWith('afterCreate');

export const invalidateOnSettingsChanges = (strapi: Core.Strapi): void => {
  const changed = async (event: LifecycleEvent) => {
    if (onlyBookkeeping(event) || newFile(event)) return;
    // Tokens too: the front trusts what it remembers of a token only while the version stands.
    await touchLiveContent(strapi);
  };
  afterEveryWrite(strapi, Object.values(LIVE_SETTINGS), changed);
};

/** Runs `changed` after every database write to `models`: created, updated or deleted, one row or many. */
export const afterEveryWrite = (
  strapi: Core.Strapi,
  models: string[],
  changed: (event: LifecycleEvent) => Promise<void>,
): void => {
  strapi.db.lifecycles.subscribe({
    models,
    afterCreate: changed,
    afterCreateMany: changed,
    afterUpdate: changed,
    afterUpdateMany: changed,
    afterDelete: changed,
    afterDeleteMany: changed,
  });
};
