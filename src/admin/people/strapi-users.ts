import { displayName, nameInitials, type NamedPerson } from '../../i18n/person-names';

/**
 * Stands in for Strapi's own `utils/users.mjs` (in @strapi/admin, the content manager and review
 * workflows; see ../vite.config.ts), so the nav menu, the profile, Settings → Users, the media
 * library and "last edited by" name people family name first (李晓雯) with 晓雯 in the avatar.
 * Same exports, same signatures as Strapi's.
 */
export const getDisplayName = (person: NamedPerson = {}): string => displayName(person);

export const getInitials = (person: NamedPerson = {}): string => nameInitials(person);

// Unchanged from Strapi: the hashed email it sends with its usage statistics.
export const hashAdminUserEmail = async (
  payload?: { email?: string | null } | null,
): Promise<string | null> => {
  if (!payload?.email) return null;
  try {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(payload.email));
    return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  } catch {
    return null;
  }
};
