import sharp from 'sharp';
import { formatWechatArticle } from '../../src/channels/wechat/article-format';
import { WechatApiError, WechatClient } from '../../src/channels/wechat/wechat-client';
import { bodyImageForWechat, coverForWechat } from '../../src/channels/wechat/wechat-media';
import { startFakeWechat, type FakeWechat } from '../harness/fake-wechat';

let fake: FakeWechat;
let client: WechatClient;
beforeEach(async () => {
  fake = await startFakeWechat();
  client = new WechatClient({
    baseUrl: fake.baseUrl,
    appId: fake.appId,
    appSecret: fake.appSecret,
    retryDelayMs: 10,
  });
});
afterEach(async () => {
  await fake.close();
});

const jpeg = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#c8102e' } })
    .jpeg()
    .toBuffer();
const noisy = (width: number, height: number) =>
  sharp(
    Buffer.from(Array.from({ length: width * height * 3 }, () => Math.floor(Math.random() * 256))),
    { raw: { width, height, channels: 3 } },
  )
    .png()
    .toBuffer();

describe('WeChat client against the fake API', () => {
  test('fetches one stable token and reuses it', async () => {
    const thumb = (await coverForWechat(await jpeg(1600, 900))).wide;
    await client.addMaterial('thumb', thumb);
    await client.addMaterial('thumb', thumb);
    expect(fake.calls.filter((call) => call === 'cgi-bin/stable_token')).toHaveLength(1);
  });

  test('refreshes an expired token once and carries on', async () => {
    const thumb = (await coverForWechat(await jpeg(1600, 900))).wide;
    await client.addMaterial('thumb', thumb);
    fake.expireTokens();
    await expect(client.addMaterial('thumb', thumb)).resolves.toHaveProperty('media_id');
    expect(fake.calls.filter((call) => call === 'cgi-bin/stable_token')).toHaveLength(2);
  });

  test('retries "system busy" with backoff, but not a real refusal, which reads as what it means', async () => {
    const thumb = (await coverForWechat(await jpeg(1600, 900))).wide;
    fake.failNext('cgi-bin/material/add_material', 2);
    await expect(client.addMaterial('thumb', thumb)).resolves.toHaveProperty('media_id');
    expect(fake.calls.filter((call) => call === 'cgi-bin/material/add_material')).toHaveLength(3);

    const refused = client.addMaterial('thumb', {
      buffer: await noisy(400, 400),
      filename: 'big.png',
      mime: 'image/png',
    });
    await expect(refused).rejects.toThrow(WechatApiError);
    await expect(
      client.addMaterial('thumb', {
        buffer: await noisy(400, 400),
        filename: 'big.png',
        mime: 'image/png',
      }),
    ).rejects.toThrow(/40005/);
  });

  test('wrong credentials are a readable error', async () => {
    const wrong = new WechatClient({
      baseUrl: fake.baseUrl,
      appId: fake.appId,
      appSecret: 'nope',
      retryDelayMs: 10,
    });
    await expect(wrong.accessToken()).rejects.toThrow(/40125.*AppSecret/);
  });
});

describe('WeChat media', () => {
  test('the cover becomes a 900×383 JPEG thumb under 64 KB and a 1:1 square, even from a noisy photo', async () => {
    const { wide, square } = await coverForWechat(await noisy(1200, 800));
    expect([wide.width, wide.height, wide.mime]).toEqual([900, 383, 'image/jpeg']);
    expect(wide.buffer.length).toBeLessThanOrEqual(64 * 1024);
    const meta = await sharp(wide.buffer).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 900, 383]);
    expect([square.width, square.height]).toEqual([383, 383]);
    await expect(client.addMaterial('thumb', wide)).resolves.toHaveProperty('media_id');
  });

  test('body images are JPG or PNG under 1 MB; others are converted', async () => {
    const webp = await sharp({
      create: { width: 2400, height: 1600, channels: 3, background: '#336699' },
    })
      .webp()
      .toBuffer();
    const converted = await bodyImageForWechat(webp, 'photo');
    expect(converted.mime).toBe('image/jpeg');
    expect(converted.width).toBe(1080);
    expect(converted.buffer.length).toBeLessThan(1024 * 1024);
    await expect(client.uploadImage(converted)).resolves.toEqual({
      url: expect.stringMatching(/^http:\/\/mmbiz\.qpic\.cn\//),
    });
    await expect(
      client.uploadImage({ buffer: webp, filename: 'raw.webp', mime: 'image/webp' }),
    ).rejects.toThrow(/40005/);
  });
});

describe('WeChat article format', () => {
  const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
  const base = {
    title: '党建动车组开进候车室',
    author: '李晓雯',
    body: [paragraph('正文第一段。')],
    pageUrl: 'https://www.example.cn/zh-CN/articles/a',
  };

  test('inline styles only: no class, id, script or style element; links become numbered footnotes', () => {
    const article = formatWechatArticle(
      {
        ...base,
        source: '分公司党委宣传部',
        body: [
          paragraph('见下文'),
          {
            type: 'paragraph',
            children: [
              {
                type: 'link',
                url: 'https://www.12371.cn/x',
                children: [{ type: 'text', text: '共产党员网' }],
              },
            ],
          },
          { type: 'heading', level: 2, children: [{ type: 'text', text: '小标题' }] },
        ],
      },
      null,
    );
    expect(article.content).not.toMatch(/class=|id=|<script|<style|<a /);
    expect(article.content).toMatch(/<h2 style="[^"]*color:#c8102e/);
    expect(article.content).toContain('共产党员网<sup style="');
    expect(article.content).toMatch(/\[1\] https:\/\/www\.12371\.cn\/x/);
    expect(article.content).toContain('来源：分公司党委宣传部');
    expect(article.content_source_url).toBe(base.pageUrl);
  });

  test('a too-long title or author is a validation error naming the field, never a silent cut', () => {
    expect(() => formatWechatArticle({ ...base, title: '长'.repeat(33) }, null)).toThrow(
      /标题不能超过 32 字.*title/,
    );
    expect(() => formatWechatArticle({ ...base, author: '作'.repeat(17) }, null)).toThrow(/author/);
    expect(() =>
      formatWechatArticle(
        { ...base, body: Array.from({ length: 200 }, () => paragraph('很长的正文'.repeat(20))) },
        null,
      ),
    ).toThrow(/20000 characters in content/);
    expect(formatWechatArticle({ ...base, title: '长'.repeat(32) }, null).title).toHaveLength(32);
  });

  test('an empty digest is derived from the body within 128 characters', () => {
    const long = formatWechatArticle({ ...base, body: [paragraph('字'.repeat(300))] }, null);
    expect([...long.digest]).toHaveLength(128);
    expect(long.digest.endsWith('…')).toBe(true);
    expect(formatWechatArticle({ ...base, digest: '人工摘要' }, null).digest).toBe('人工摘要');
  });
});
