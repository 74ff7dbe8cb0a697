/**
 * formidable lists a request's files in the order their writes to disk finished, not the order
 * they were sent: a small PNG sent second can come first (and a contribution's first photo is
 * the adopted article's cover). The parts of a request are read one after another, so a number
 * stamped as each one begins keeps the order they were sent in.
 */
type Stamped = { sentOrder?: number };

let sequence = 0;

/** formidable's `onFileBegin` (strapi::body in config/middlewares.ts). */
export const stampSentOrder = (_field: string, file: Stamped): void => {
  sequence += 1;
  file.sentOrder = sequence;
};

/** A request's files in the order they were sent. */
export const inOrderSent = <File extends Stamped>(files: File[]): File[] =>
  [...files].sort((a, b) => (a.sentOrder ?? 0) - (b.sentOrder ?? 0));
