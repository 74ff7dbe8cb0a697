import crypto from 'crypto';

/** A strong ETag: the hash of the exact bytes sent. */
export const strongEtag = (body: string | Buffer): string =>
  `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;

/** RFC 9110 If-None-Match: `*` or a list of tags; a weak tag matches a strong one for GET. */
export const notModified = (ifNoneMatch: string | undefined, etag: string): boolean => {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
};
