import sharp from 'sharp';

export const THUMB_MAX_BYTES = 64 * 1024; // material type "thumb": JPG, 64 KB
export const BODY_IMAGE_MAX_BYTES = 1024 * 1024; // media/uploadimg: JPG or PNG, under 1 MB

export type EncodedImage = {
  buffer: Buffer;
  mime: 'image/jpeg' | 'image/png';
  filename: string;
  width: number;
  height: number;
};

/** The smallest-quality-loss JPEG of `image` under `maxBytes`: lower quality first, then smaller. */
const jpegUnder = async (
  image: ReturnType<typeof sharp>,
  width: number,
  height: number,
  maxBytes: number,
  name: string,
): Promise<EncodedImage> => {
  for (let scale = 1; scale >= 0.25; scale -= 0.25) {
    for (const quality of [85, 75, 65, 55, 45, 35]) {
      const w = Math.round(width * scale);
      const h = Math.round(height * scale);
      const buffer = await image.clone().resize(w, h).jpeg({ quality, mozjpeg: true }).toBuffer();
      if (buffer.length <= maxBytes)
        return { buffer, mime: 'image/jpeg', filename: `${name}.jpg`, width: w, height: h };
    }
  }
  throw new Error(`${name} cannot be encoded under ${maxBytes} bytes`);
};

/**
 * The cover WeChat shows: 2.35:1 (900×383) in the feed and 1:1 when shared. Both cropped with
 * sharp's attention strategy (keeps the most salient part); the 2.35:1 one is the ≤ 64 KB thumb.
 */
export const coverForWechat = async (source: Buffer) => {
  const base = sharp(source).rotate();
  const wide = await jpegUnder(
    base.clone().resize(900, 383, { fit: 'cover', position: sharp.strategy.attention }),
    900,
    383,
    THUMB_MAX_BYTES,
    'cover-2.35x1',
  );
  const square = await jpegUnder(
    base.clone().resize(383, 383, { fit: 'cover', position: sharp.strategy.attention }),
    383,
    383,
    THUMB_MAX_BYTES,
    'cover-1x1',
  );
  return { wide, square };
};

/** A body image as uploadimg accepts it: JPG or PNG under 1 MB, at most 1080 px wide. */
export const bodyImageForWechat = async (source: Buffer, name: string): Promise<EncodedImage> => {
  const image = sharp(source).rotate();
  const { format, width = 1080, height = 1080 } = await image.metadata();
  if (
    (format === 'jpeg' || format === 'png') &&
    source.length < BODY_IMAGE_MAX_BYTES &&
    width <= 1080
  ) {
    return {
      buffer: source,
      mime: format === 'png' ? 'image/png' : 'image/jpeg',
      filename: `${name}.${format === 'png' ? 'png' : 'jpg'}`,
      width,
      height,
    };
  }
  const targetWidth = Math.min(width, 1080);
  const targetHeight = Math.round((height * targetWidth) / width);
  return jpegUnder(
    image.flatten({ background: '#ffffff' }),
    targetWidth,
    targetHeight,
    BODY_IMAGE_MAX_BYTES - 1,
    name,
  );
};
