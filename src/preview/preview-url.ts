import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE } from '../constants';
import { isPreviewable, signPreviewLink } from './preview-links';
import { readableVersionRow } from './previewed-version';

type PreviewParams = { documentId?: string; locale?: string | null; status?: string };
type AdminState = {
  user?: { id: number };
  userAbility?: { can: (action: string, subject?: unknown) => boolean };
  session?: { id?: string };
};

/**
 * Strapi's preview handler (config/admin.ts `preview.config.handler`), called by the edit view's
 * *Open preview* and its preview page as the signed-in admin: a signed, expiring link to this
 * CMS's own preview page of that version, or none (no button) for a type without one, a version
 * that does not exist, or one the user may not read.
 */
export const previewUrlFor = async (
  strapi: Core.Strapi,
  uid: string,
  { documentId, locale, status }: PreviewParams,
): Promise<string | null> => {
  if (!isPreviewable(uid) || !documentId) return null;
  const state = strapi.requestContext.get()?.state as AdminState | undefined;
  // Signed in to the admin panel: a link lives no longer than its session (an admin API token has none).
  if (!state?.user || !state.userAbility || typeof state.session?.id !== 'string') return null;
  const link = {
    uid,
    documentId,
    locale: locale || DEFAULT_LOCALE,
    version: status === 'published' ? ('published' as const) : ('draft' as const),
  };
  // Asked at every opening of an edit view: only whether the version exists and may be read.
  if (!(await readableVersionRow(strapi, state.userAbility, link))) return null;
  const token = signPreviewLink(strapi, {
    ...link,
    userId: state.user.id,
    sessionId: state.session.id,
  });
  // Same origin as the admin unless the CMS has a public URL (behind a proxy).
  const base = String(strapi.config.get('server.url') ?? '').replace(/\/+$/, '');
  return `${base}/preview?${new URLSearchParams({ token }).toString()}`;
};
