import fs from 'fs/promises';
import path from 'path';
import sharp, { type Metadata } from 'sharp';
import {
  IMAGE_FORMAT_OF_EXTENSION,
  kindOfExtension,
  MEDIA_KINDS,
  type MediaKind,
} from './media-kinds';

export type UploadedFile = { filepath: string; originalFilename?: string | null; size: number };
export type UploadLimits = { maxImagePixels: number; maxBytes: Partial<Record<MediaKind, number>> };

/** Why a file cannot enter the media library; `tooLarge` problems answer 413, the rest 400. */
export type UploadProblem = { fileName: string; message: string; tooLarge: boolean };

// Markup a browser would run if it ever rendered the file as a page.
const MARKUP = /<\s*(script|html|svg|iframe|object|embed|body|!doctype|\?xml)\b/i;
const SNIFFED_BYTES = 4096;

const firstBytes = async (filepath: string) => {
  const handle = await fs.open(filepath, 'r');
  try {
    const buffer = Buffer.alloc(SNIFFED_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFFED_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
};

/** A text file's characters: UTF-16 when it starts with that byte-order mark; byte for byte otherwise (markup is ASCII in UTF-8, GB18030 and Latin-1 alike). */
const asText = (bytes: Buffer): string => {
  // Whole code units only: swap16 refuses an odd length.
  const units = () => Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return units().toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return units().swap16().toString('utf16le');
  return bytes.toString('latin1');
};

/**
 * The media library's own check of one upload, before Strapi stores it: a known extension, no
 * larger than its kind allows, no markup (in a text file's whole text, in other files' head), and an image must really be the image its
 * extension says (decoded by sharp) and at most `maxImagePixels` large, which sharp can tell from
 * the header alone, so a decompression bomb is refused before anything decodes it.
 */
export const uploadProblem = async (
  file: UploadedFile,
  limits: UploadLimits,
): Promise<UploadProblem | null> => {
  const fileName = file.originalFilename || path.basename(file.filepath);
  const extension = path.extname(fileName).toLowerCase();
  const kind = kindOfExtension(extension);
  const refuse = (message: string, tooLarge = false): UploadProblem => ({
    fileName,
    message,
    tooLarge,
  });
  if (!kind)
    return refuse(
      `“${fileName}”: files of type ${extension || '(none)'} are not accepted (images, video, audio, PDF and office documents, plain text and subtitles are)`,
    );

  const maxBytes = limits.maxBytes[kind] ?? MEDIA_KINDS[kind].maxBytes;
  if (file.size > maxBytes)
    return refuse(
      `“${fileName}” is ${(file.size / 1048576).toFixed(1)} MB; ${kind} files may be at most ${(maxBytes / 1048576).toFixed(0)} MB`,
      true,
    );

  // A text file is read whole (its kind is at most a few MB): markup anywhere in it would run if
  // a browser ever rendered it; other kinds are binary formats, whose head is what a browser sniffs.
  const inspected =
    kind === 'text'
      ? asText(await fs.readFile(file.filepath))
      : (await firstBytes(file.filepath)).toString('latin1');
  if (MARKUP.test(inspected)) return refuse(`“${fileName}” contains HTML, SVG or script markup`);

  if (kind === 'image') {
    let metadata: Metadata;
    try {
      metadata = await sharp(file.filepath, { limitInputPixels: false }).metadata();
    } catch {
      return refuse(`“${fileName}” is not a readable ${extension.slice(1).toUpperCase()} image`);
    }
    if (!IMAGE_FORMAT_OF_EXTENSION[extension].includes(metadata.format ?? '')) {
      return refuse(
        `“${fileName}” is a ${metadata.format ?? 'unknown'} file, not the ${extension.slice(1).toUpperCase()} image its name says`,
      );
    }
    const pixels = (metadata.width ?? 0) * (metadata.height ?? 0) * (metadata.pages ?? 1);
    if (pixels > limits.maxImagePixels) {
      return refuse(
        `“${fileName}” is ${metadata.width}×${metadata.height} pixels${(metadata.pages ?? 1) > 1 ? ` × ${metadata.pages} frames` : ''}; images may have at most ${limits.maxImagePixels} pixels`,
        true,
      );
    }
  }
  return null;
};
