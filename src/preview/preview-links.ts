import crypto from 'crypto';
import jwt from 'jsonwebtoken';
import type { Core } from '@strapi/strapi';
import { previewUids, type PreviewUid } from '../content/registry';

/** The types whose descriptor has a preview (the ones the website renders). */
export const PREVIEW_UIDS: readonly PreviewUid[] = previewUids();
export type { PreviewUid };
export const isPreviewable = (uid: string): uid is PreviewUid =>
  (PREVIEW_UIDS as readonly string[]).includes(uid);

/** Strapi's preview asks for the draft or the published version of a document locale. */
export type PreviewVersion = 'draft' | 'published';

/** What a link names: one version of one document locale, opened with the rights of the admin user who asked for it. */
export type PreviewLink = {
  uid: PreviewUid;
  documentId: string;
  locale: string;
  version: PreviewVersion;
  userId: number;
  /** The admin session the link was made in: signing out closes the link too. */
  sessionId: string;
  expiresAt: Date;
};

const AUDIENCE = 'brand-cms-preview';

export class PreviewLinkError extends Error {
  constructor(readonly reason: 'expired' | 'invalid') {
    super(
      reason === 'expired'
        ? '预览链接已过期，请从编辑页重新打开预览 / This preview link has expired: open the preview again from the edit view'
        : '预览链接无效 / This preview link is not valid',
    );
  }
}

/**
 * The signing key: PREVIEW_SECRET, else one derived from the admin's JWT secret (a key of its
 * own, so a preview link is never an admin token and the reverse).
 */
const secretOf = (strapi: Core.Strapi): string => {
  const configured = String(strapi.config.get('preview.secret') ?? '');
  if (configured) return configured;
  const adminSecret = String(strapi.config.get('admin.auth.secret') ?? '');
  if (!adminSecret) throw new Error('Preview links need PREVIEW_SECRET or ADMIN_JWT_SECRET');
  return crypto
    .createHmac('sha256', adminSecret)
    .update('brand-cms preview links')
    .digest('base64url');
};

export const signPreviewLink = (
  strapi: Core.Strapi,
  link: Omit<PreviewLink, 'expiresAt'>,
): string =>
  jwt.sign(
    {
      uid: link.uid,
      doc: link.documentId,
      loc: link.locale,
      ver: link.version,
      sid: link.sessionId,
    },
    secretOf(strapi),
    {
      algorithm: 'HS256',
      audience: AUDIENCE,
      subject: String(link.userId),
      expiresIn: Number(strapi.config.get('preview.linkMinutes') ?? 30) * 60,
    },
  );

/** The link a token names, if it was signed here and has not expired. */
export const readPreviewLink = (strapi: Core.Strapi, token: unknown): PreviewLink => {
  if (typeof token !== 'string' || token.length === 0 || token.length > 2048)
    throw new PreviewLinkError('invalid');
  let claims: jwt.JwtPayload;
  try {
    claims = jwt.verify(token, secretOf(strapi), {
      algorithms: ['HS256'],
      audience: AUDIENCE,
    }) as jwt.JwtPayload;
  } catch (error) {
    throw new PreviewLinkError(error instanceof jwt.TokenExpiredError ? 'expired' : 'invalid');
  }
  const userId = Number(claims.sub);
  const { uid, doc, loc, ver, sid } = claims;
  if (
    !isPreviewable(String(uid)) ||
    typeof doc !== 'string' ||
    typeof loc !== 'string' ||
    (ver !== 'draft' && ver !== 'published') ||
    !Number.isInteger(userId) ||
    typeof sid !== 'string' ||
    typeof claims.exp !== 'number'
  ) {
    throw new PreviewLinkError('invalid');
  }
  return {
    uid,
    documentId: doc,
    locale: loc,
    version: ver,
    userId,
    sessionId: sid,
    expiresAt: new Date(claims.exp * 1000),
  };
};
