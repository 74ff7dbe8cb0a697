import crypto from 'crypto';
import zlib from 'zlib';
import sharp from 'sharp';
import { ACCOUNTS, bootTestAppForFile } from './harness/strapi';

/** The media library takes images, video, audio, documents and text; nothing a browser would run. */
const app = bootTestAppForFile({ UPLOAD_MAX_IMAGE_MB: '1' });
let editorToken: string;

beforeAll(async () => {
  editorToken = await app.adminToken(ACCOUNTS.editor);
});

const upload = (buffer: Buffer, filename: string, contentType: string, query = '') =>
  app
    .http()
    .post(`/upload${query}`)
    .set('Authorization', `Bearer ${editorToken}`)
    .attach('files', buffer, { filename, contentType });
const fileCount = () => app.strapi.db.query('plugin::upload.file').count();

/** A PNG whose header claims `size`×`size` pixels: tiny on disk, gigabytes once decoded. */
const decompressionBomb = (size: number) => {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(Buffer.concat([Buffer.from(type), data])));
    return Buffer.concat([length, Buffer.from(type), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.alloc(size * 3 * 8))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const HTML = Buffer.from(
  '<!doctype html><html><body><script>fetch("/admin/users")</script></body></html>',
);
const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>',
);

test.each([
  ['page.html', 'text/html', HTML, /\.html are not accepted/],
  ['app.js', 'application/javascript', Buffer.from('alert(1)'), /\.js are not accepted/],
  ['logo.svg', 'image/svg+xml', SVG, /\.svg are not accepted/],
  ['photo.png', 'image/png', HTML, /markup/],
  ['badge.png', 'image/png', SVG, /markup/],
  ['scan.png', 'image/png', PDF, /not a readable PNG image/],
  ['photo.jpg', 'image/jpeg', Buffer.from([0x89, 0x50, 0x4e, 0x47]), /not a readable JPG image/],
  [
    'subtitles.vtt',
    'text/vtt',
    Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\n<script>alert(1)</script>'),
    /markup/,
  ],
  // A text file is read whole: markup after its first 4 KB, or in UTF-16, is found too.
  [
    'notes.txt',
    'text/plain',
    Buffer.from(`${'会议纪要。'.repeat(2000)}\n<script>alert(1)</script>`),
    /markup/,
  ],
  [
    'table.csv',
    'text/csv',
    Buffer.concat([Buffer.from('名称,数量\n'.repeat(900)), Buffer.from('<iframe src="//x">,1\n')]),
    /markup/,
  ],
  [
    'captions.srt',
    'application/x-subrip',
    Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(
        `1\n00:00:01,000 --> 00:00:02,000\n${'字幕'.repeat(3000)}<svg onload=alert(1)>\n`,
        'utf16le',
      ),
    ]),
    /markup/,
  ],
  [
    'captions-be.srt',
    'application/x-subrip',
    Buffer.concat([
      Buffer.from([0xfe, 0xff]),
      Buffer.from('<html>\n', 'utf16le').swap16(),
      Buffer.from([0x00]),
    ]),
    /markup/,
  ],
  ['noextension', 'application/octet-stream', Buffer.from('data'), /\(none\) are not accepted/],
])(
  '%s (%s) is refused with a 400 naming it, and nothing is stored',
  async (filename, type, content, reason) => {
    const before = await fileCount();
    const response = await upload(content, filename, type);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(filename);
    expect(response.body.error.message).toMatch(reason);
    expect(await fileCount()).toBe(before);
  },
);

test('a PNG claiming its extension but holding a JPEG is refused; a real one is stored', async () => {
  const jpeg = await sharp({
    create: { width: 40, height: 30, channels: 3, background: '#c8102e' },
  })
    .jpeg()
    .toBuffer();
  expect((await upload(jpeg, 'mislabelled.png', 'image/png')).body.error.message).toMatch(
    /is a jpeg file, not the PNG image/,
  );
  const stored = await upload(jpeg, 'real.jpg', 'image/jpeg');
  expect(stored.status).toBe(201);
  expect(stored.body[0]).toMatchObject({ mime: 'image/jpeg', width: 40, height: 30 });
});

test('a decompression bomb is refused from its header, before anything decodes it', async () => {
  const bomb = decompressionBomb(60_000);
  expect(bomb.length).toBeLessThan(100_000);
  const response = await upload(bomb, 'bomb.png', 'image/png');
  expect(response.status).toBe(413);
  expect(response.body.error.message).toMatch(
    /60000×60000 pixels; images may have at most 40000000 pixels/,
  );
});

test('each kind has its size limit (here images: 1 MB), answered 413', async () => {
  const noise = await sharp(crypto.randomBytes(900 * 900 * 3), {
    raw: { width: 900, height: 900, channels: 3 },
  })
    .png({ compressionLevel: 0 })
    .toBuffer();
  expect(noise.length).toBeGreaterThan(1024 * 1024);
  const response = await upload(noise, 'noise.png', 'image/png');
  expect(response.status).toBe(413);
  expect(response.body.error.message).toMatch(/image files may be at most 1 MB/);
});

test('replacing a file goes through the same check', async () => {
  const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#123456' } })
    .png()
    .toBuffer();
  const [file] = (await upload(png, 'to-replace.png', 'image/png')).body;
  const replaced = await upload(HTML, 'to-replace.html', 'text/html', `?id=${file.id}`);
  expect(replaced.status).toBe(400);
  const stored = await app.strapi.db
    .query('plugin::upload.file')
    .findOne({ where: { id: file.id } });
  expect(stored).toMatchObject({ ext: '.png', mime: 'image/png' });
});

test('served files cannot run: nosniff and a sandboxing CSP on all, downloads for all but images, video and audio', async () => {
  const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#654321' } })
    .png()
    .toBuffer();
  const [image] = (await upload(png, 'served.png', 'image/png')).body;
  const pdf = await upload(PDF, 'report.pdf', 'application/pdf');
  expect(pdf.status).toBe(201);

  const imageResponse = await app.http().get(image.url);
  expect(imageResponse.status).toBe(200);
  expect(imageResponse.headers).toMatchObject({
    'content-type': 'image/png',
    'x-content-type-options': 'nosniff',
    'content-security-policy': expect.stringMatching(/default-src 'none'.*sandbox/),
  });
  expect(imageResponse.headers['content-disposition']).toBeUndefined();

  const pdfUrl = pdf.body[0].url as string;
  // However the path is spelled, as the static server would decode and normalise it.
  let served = 0;
  for (const url of [
    pdfUrl,
    pdfUrl.replace('/uploads/', '/%75ploads/'),
    pdfUrl.replace('/uploads/', '/./uploads/'),
    pdfUrl.replace('/uploads/', '//uploads/'),
  ]) {
    const pdfResponse = await app.http().get(url);
    if (pdfResponse.status !== 200) continue;
    served += 1;
    expect([url, pdfResponse.headers]).toMatchObject([
      url,
      {
        'content-disposition': 'attachment',
        'x-content-type-options': 'nosniff',
        'content-security-policy': expect.stringMatching(/sandbox/),
      },
    ]);
  }
  // The plain path and the encoded one are served (what the headers must cover); others may 404.
  expect(served).toBeGreaterThanOrEqual(2);
});
