import type { Core } from '@strapi/strapi';
import { DEFAULT_BODY_MAX_DEPTH } from '../src/http/request-input';
import { stampSentOrder } from '../src/media/sent-order';

export default ({ env }: Core.Config.Shared.ConfigParams) => [
  // Strapi's access log, with credentials in query strings redacted.
  'global::access-log',
  // Whether the credential a request presented was recognised, for the rate limits' lockout.
  'global::credential-outcome',
  // Error answers never quote a request's body back (src/http/error-body.ts).
  'global::error-answers',
  'strapi::errors',
  // A body or header the parsers cannot read: the 4xx they gave it, not a 500 (src/middlewares).
  'global::unreadable-requests',
  // The database out of reach: a 503 with Retry-After, and recovery when it is back.
  'global::database-unavailable',
  'strapi::security',
  {
    name: 'strapi::cors',
    config: {
      // Partner sites are listed explicitly in production; '*' is the development default.
      origin: env.array('CORS_ORIGINS', ['*']),
    },
  },
  // Stores what public reads answer, for the cache in front of this chain (src/response-cache):
  // inside the security and CORS headers, outside the powered-by one (set on the way out).
  'global::response-cache',
  'strapi::poweredBy',
  'strapi::query',
  // A built-in property name in the path or where a query names a field (filters[constructor]): a 400, not dropped.
  'global::request-names',
  // The content manager's populate, before the admin permission sanitiser reads it (src/middlewares).
  'global::content-manager-queries',
  {
    name: 'strapi::body',
    // The largest upload of any kind (video); each kind's own limit is checked by upload-guard.
    // Each file stamped with the order it was sent in (formidable lists them as their writes end).
    config: {
      formidable: {
        maxFileSize: env.int('UPLOAD_MAX_VIDEO_MB', 200) * 1024 * 1024,
        onFileBegin: stampSentOrder,
      },
    },
  },
  // Every body a route takes is an object, at most BODY_MAX_DEPTH deep: text bodies are a 400.
  {
    name: 'global::body-shape',
    config: { maxDepth: env.int('BODY_MAX_DEPTH', DEFAULT_BODY_MAX_DEPTH) },
  },
  // Sign-in attempts per account and address (src/rate-limits); needs the parsed body.
  'global::sign-in-limit',
  {
    // Every multipart upload: allowed kinds only, real images, no markup, size and pixel limits.
    name: 'global::upload-guard',
    config: {
      maxImagePixels: env.int('UPLOAD_MAX_IMAGE_PIXELS', 40_000_000),
      maxBytes: {
        image: env.int('UPLOAD_MAX_IMAGE_MB', 20) * 1024 * 1024,
        video: env.int('UPLOAD_MAX_VIDEO_MB', 200) * 1024 * 1024,
        audio: env.int('UPLOAD_MAX_AUDIO_MB', 50) * 1024 * 1024,
        document: env.int('UPLOAD_MAX_DOCUMENT_MB', 50) * 1024 * 1024,
      },
    },
  },
  'strapi::session',
  'strapi::favicon',
  // Uploaded files: nosniff, a no-script sandboxing CSP, downloads for all but images, video and audio.
  'global::served-media',
  'strapi::public',
];
