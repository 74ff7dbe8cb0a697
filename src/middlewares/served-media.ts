import path from 'path';
import { isServedInline } from '../media/media-kinds';

type Context = {
  path: string;
  status: number;
  type: string;
  set: (name: string, value: string) => void;
};

/**
 * Files under /uploads are served from the CMS's own origin, next to the admin panel: the
 * browser must never run them. No sniffing, a CSP that allows no script and sandboxes anything
 * opened as a page, and every file that is not an image, video or audio comes as a download.
 */
/** The path the static server resolves (it decodes `%75ploads` and collapses `/./` and `//`). */
const servedPath = (raw: string): string => {
  try {
    return path.posix.normalize(decodeURIComponent(raw));
  } catch {
    return raw;
  }
};

export default () => async (ctx: Context, next: () => Promise<void>) => {
  await next();
  if (!servedPath(ctx.path).startsWith('/uploads/') || ctx.status !== 200) return;
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set(
    'Content-Security-Policy',
    "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox",
  );
  if (!isServedInline(ctx.type)) ctx.set('Content-Disposition', 'attachment');
};
