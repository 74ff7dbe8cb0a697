import type { IncomingMessage } from 'http';
import zlib from 'zlib';
import compressible from 'compressible';
import Negotiator from 'negotiator';
import type { StoredResponse } from './response-store';

/** Below this gzip's own framing and the work cost more than the bytes it saves. */
const MIN_BYTES = 1024;

/**
 * The body gzipped, once, when it is stored: when it is a text type (JSON, XML feeds and
 * sitemaps) of 1 KB or more, and gzip makes it smaller (to a third or less, here). The bytes, not
 * the work, were what held back the hits of feeds and sitemap parts: a bare server sending the
 * same bytes was no faster.
 */
export const gzipOf = (body: Buffer, contentType: string | undefined): Buffer | undefined => {
  if (body.byteLength < MIN_BYTES || !contentType || !compressible(contentType)) return undefined;
  const gzipped = zlib.gzipSync(body);
  return gzipped.byteLength < body.byteLength ? gzipped : undefined;
};

/** Whether a reader takes gzip over the bytes as they are (Accept-Encoding with its q-values). */
export const acceptsGzip = (request: IncomingMessage): boolean => new Negotiator(request).encoding(['identity', 'gzip']) === 'gzip';

/** A representation's own strong ETag: the gzipped bytes are not the bytes the plain tag names. */
export const gzipEtag = (etag: string): string => etag.replace(/"$/, '-gzip"');

/** What one reader is sent of a stored response: its gzipped bytes to a reader that takes them. */
export const representationFor = (request: IncomingMessage, stored: StoredResponse): { body: Buffer; headers: Array<[string, string]> } => {
  if (stored.gzipped === undefined || !acceptsGzip(request)) return { body: stored.body, headers: stored.headers };
  const headers = stored.headers.map(([name, value]): [string, string] => [name, name === 'etag' ? gzipEtag(value) : value]);
  return { body: stored.gzipped, headers: [...headers, ['content-encoding', 'gzip']] };
};
