/**
 * What the media library accepts, by kind: the extensions, the MIME patterns Strapi's own
 * content sniffing allows (config/plugins.ts), and the largest file of each kind. HTML, scripts,
 * SVG (it can carry script) and anything else are refused: they would be served from the CMS's
 * own origin.
 */
export type MediaKind = 'image' | 'video' | 'audio' | 'document' | 'text';

const MB = 1024 * 1024;

export const MEDIA_KINDS: Record<
  MediaKind,
  {
    extensions: readonly string[];
    mimeTypes: readonly string[];
    maxBytes: number;
    servedInline: boolean;
  }
> = {
  image: {
    extensions: ['.jpg', '.jpeg', '.png', '.gif', '.webp', '.avif'],
    mimeTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif'],
    maxBytes: 20 * MB,
    servedInline: true,
  },
  video: {
    extensions: ['.mp4', '.m4v', '.mov', '.webm'],
    mimeTypes: ['video/mp4', 'video/quicktime', 'video/webm', 'video/x-m4v'],
    maxBytes: 200 * MB,
    servedInline: true,
  },
  audio: {
    extensions: ['.mp3', '.m4a', '.aac', '.wav', '.ogg'],
    mimeTypes: [
      'audio/mpeg',
      'audio/mp4',
      'audio/x-m4a',
      'audio/aac',
      'audio/wav',
      'audio/x-wav',
      'audio/vnd.wave',
      'audio/ogg',
    ],
    maxBytes: 50 * MB,
    servedInline: true,
  },
  document: {
    extensions: ['.pdf', '.doc', '.docx', '.xls', '.xlsx', '.ppt', '.pptx', '.odt', '.ods', '.odp'],
    mimeTypes: [
      'application/pdf',
      'application/msword',
      'application/vnd.ms-excel',
      'application/vnd.ms-powerpoint',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      'application/vnd.oasis.opendocument.text',
      'application/vnd.oasis.opendocument.spreadsheet',
      'application/vnd.oasis.opendocument.presentation',
      'application/x-cfb',
    ],
    maxBytes: 50 * MB,
    servedInline: false,
  },
  // Subtitles for videos and plain data files.
  text: {
    extensions: ['.txt', '.csv', '.vtt', '.srt'],
    mimeTypes: ['text/plain', 'text/csv', 'text/vtt', 'application/x-subrip'],
    maxBytes: 5 * MB,
    servedInline: false,
  },
};

/** Types Strapi's sniffing refuses whatever the extension claims. */
export const DENIED_MIME_TYPES: readonly string[] = [
  'text/html',
  'application/xhtml+xml',
  'image/svg+xml',
  'application/xml',
  'text/xml',
  'application/javascript',
  'text/javascript',
  'application/x-msdownload',
  'application/x-sh',
  'application/wasm',
];

export const ALLOWED_MIME_TYPES: readonly string[] = Object.values(MEDIA_KINDS).flatMap(
  (kind) => kind.mimeTypes,
);

export const kindOfExtension = (extension: string): MediaKind | null =>
  (Object.keys(MEDIA_KINDS) as MediaKind[]).find((kind) =>
    MEDIA_KINDS[kind].extensions.includes(extension.toLowerCase()),
  ) ?? null;

/** sharp's name for the format each image extension must really be. */
export const IMAGE_FORMAT_OF_EXTENSION: Record<string, readonly string[]> = {
  '.jpg': ['jpeg'],
  '.jpeg': ['jpeg'],
  '.png': ['png'],
  '.gif': ['gif'],
  '.webp': ['webp'],
  '.avif': ['heif'],
};

/** Served as they are (images, video, audio); everything else is a download. */
export const isServedInline = (contentType: string): boolean => {
  const type = contentType.split(';')[0].trim().toLowerCase();
  return ['image', 'video', 'audio'].some((kind) =>
    MEDIA_KINDS[kind as MediaKind].mimeTypes.includes(type),
  );
};
