import type { IncomingMessage } from 'http';
import zlib from 'zlib';
import compressible from 'compressible';
import Negotiator from 'negotiator';
import { LRUCache } from 'lru-cache';
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

const negotiatedGzip = (request: IncomingMessage): boolean =>
  new Negotiator(request).encoding(['identity', 'gzip']) === 'gzip';

/** Readers send a handful of distinct Accept-Encoding values: each is negotiated once (a hit's profile showed the parsing). */
const gzipTakers = new LRUCache<string, boolean>({ max: 256 });
const MAX_REMEMBERED_HEADER = 200;

/** Whether a reader takes gzip over the bytes as they are (Accept-Encoding with its q-values). */
export const acceptsGzip = (request: IncomingMessage): boolean => {
  const offered = request.headers['accept-encoding'];
  if (offered === undefined || offered.length > MAX_REMEMBERED_HEADER)
    return negotiatedGzip(request);
  let takes = gzipTakers.get(offered);
  if (takes === undefined) {
    takes = negotiatedGzip(request);
    gzipTakers.set(offered, takes);
  }
  return takes;
};

/** A representation's own strong ETag: the gzipped bytes are not the bytes the plain tag names. */
export const gzipEtag = (etag: string): string => etag.replace(/"$/, '-gzip"');

/** One representation of a stored response: its bytes, and every header a `200` of it carries (Content-Length included). */
export type Representation = {
  body: Buffer;
  headers: Array<[string, string]>;
  head: Readonly<Record<string, string>>;
};

const representationOf = (body: Buffer, headers: Array<[string, string]>): Representation => ({
  body,
  headers,
  head: Object.freeze(
    Object.fromEntries([...headers, ['content-length', String(body.byteLength)]]),
  ),
});

/** Built once per stored response and kept with it: a hit only picks one. */
const representations = new WeakMap<
  StoredResponse,
  { plain: Representation; gzip?: Representation }
>();

const representationsOf = (stored: StoredResponse) => {
  let built = representations.get(stored);
  if (built === undefined) {
    const gzipHeaders = stored.headers.map(([name, value]): [string, string] => [
      name,
      name === 'etag' ? gzipEtag(value) : value,
    ]);
    built = {
      plain: representationOf(stored.body, stored.headers),
      ...(stored.gzipped
        ? { gzip: representationOf(stored.gzipped, [...gzipHeaders, ['content-encoding', 'gzip']]) }
        : {}),
    };
    representations.set(stored, built);
  }
  return built;
};

/** What one reader is sent of a stored response: its gzipped bytes to a reader that takes them. */
export const representationFor = (
  request: IncomingMessage,
  stored: StoredResponse,
): Representation => {
  const { plain, gzip } = representationsOf(stored);
  return gzip !== undefined && acceptsGzip(request) ? gzip : plain;
};
