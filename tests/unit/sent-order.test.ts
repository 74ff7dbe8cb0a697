import fs from 'fs';
import os from 'os';
import path from 'path';
import { PassThrough } from 'stream';
import fc from 'fast-check';
import middlewares from '../../config/middlewares';
import { inOrderSent } from '../../src/media/sent-order';

/**
 * formidable (as strapi::body runs it) lists a request's files in the order their writes to disk
 * end, which is not the order they were sent in under load. The body parser's configured
 * `onFileBegin` stamps each file as its part begins; whatever order the files are then listed
 * in, `inOrderSent` gives them back as sent.
 */
type Config = {
  name?: string;
  config?: { formidable?: { onFileBegin?: (field: string, file: unknown) => void } };
};
// The configuration as Strapi loads it, every setting at its default.
const defaults = Object.assign((_key: string, fallback?: unknown) => fallback, {
  int: (_key: string, fallback?: number) => fallback,
  bool: (_key: string, fallback?: boolean) => fallback,
  array: (_key: string, fallback?: unknown[]) => fallback,
});
const onFileBegin = (middlewares({ env: defaults } as never) as Config[]).find(
  (entry) => typeof entry === 'object' && entry.name === 'strapi::body',
)?.config?.formidable?.onFileBegin;

// The formidable strapi::body runs: koa-body's, as Strapi's core installs it.
type Form = {
  on: (event: 'fileBegin', listener: (field: string, file: unknown) => void) => void;
  parse: (
    request: unknown,
    done: (error: unknown, fields: unknown, files: Record<string, unknown>) => void,
  ) => void;
};
const formidable = require(
  require.resolve('formidable', {
    paths: [require.resolve('koa-body', { paths: [require.resolve('@strapi/core')] })],
  }),
) as (options: object) => Form;

const BOUNDARY = 'sent-order';
const multipart = (names: string[]) =>
  Buffer.concat([
    ...names.map((name, index) =>
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="images"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n${'x'.repeat(1000 * (names.length - index))}\r\n`,
      ),
    ),
    Buffer.from(`--${BOUNDARY}--\r\n`),
  ]);

/** The files of a multipart request, parsed by formidable as strapi::body configures it. */
const parsed = async (
  names: string[],
): Promise<Array<{ originalFilename: string | null; sentOrder?: number }>> => {
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sent-order-'));
  try {
    const body = multipart(names);
    const request = Object.assign(new PassThrough(), {
      headers: {
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        'content-length': String(body.length),
      },
    });
    const form = formidable({ multiples: true, uploadDir });
    form.on('fileBegin', onFileBegin!);
    const done = new Promise<Record<string, unknown>>((resolve, reject) =>
      form.parse(request, (error, _fields, files) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(files),
      ),
    );
    request.end(body);
    return [(await done).images].flat() as never;
  } finally {
    fs.rmSync(uploadDir, { recursive: true, force: true });
  }
};

test('strapi::body stamps each file with the order it was sent in', async () => {
  expect(onFileBegin).toBeInstanceOf(Function);
  const names = ['first.jpg', 'second.png', 'third.png', 'fourth.gif'];
  const files = await parsed(names);
  expect(files.map(({ sentOrder }) => typeof sentOrder)).toEqual(names.map(() => 'number'));
  await fc.assert(
    fc.asyncProperty(fc.shuffledSubarray(files, { minLength: files.length }), async (listed) => {
      expect(inOrderSent(listed).map(({ originalFilename }) => originalFilename)).toEqual(names);
    }),
  );
  // A later request's files come after an earlier one's: the stamps only ever grow.
  const later = await parsed(['fifth.png']);
  expect(later[0].sentOrder!).toBeGreaterThan(
    Math.max(...files.map(({ sentOrder }) => sentOrder!)),
  );
});
