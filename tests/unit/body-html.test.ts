import { plainText, renderBlocks, sanitizeBodyHtml } from '../../src/channels/web/body-html';
import { absoluteUrl, responsiveImage } from '../../src/channels/web/responsive-image';

describe('sanitised body HTML', () => {
  test('the allowlist strips scripts, frames, styles, forms, event handlers and javascript: URLs', () => {
    const html = sanitizeBodyHtml(
      '<p onclick="steal()" style="color:red" class="x" id="y">文字<script>alert(1)</script></p><iframe src="https://evil.example"></iframe>' +
        '<img src="javascript:alert(1)" onerror="alert(2)"><a href="javascript:alert(3)">链接</a><form><input></form><style>p{}</style>',
    );
    expect(html).toBe('<p>文字</p><img /><a rel="noopener noreferrer">链接</a>');
  });

  test('blocks render to structural HTML; text is escaped, links are kept only for http(s) and mail', () => {
    const html = renderBlocks([
      { type: 'heading', level: 2, children: [{ type: 'text', text: '双提升' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'a < b & "c"', bold: true, italic: true },
          { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'x' }] },
        ],
      },
      {
        type: 'list',
        format: 'ordered',
        children: [{ type: 'list-item', children: [{ type: 'text', text: '一' }] }],
      },
      { type: 'quote', children: [{ type: 'text', text: '引文' }] },
      { type: 'unknown-block', children: [] },
    ]);
    expect(html).toBe(
      '<h2>双提升</h2>\n<p><em><strong>a &lt; b &amp; "c"</strong></em><a rel="noopener noreferrer">x</a></p>\n<ol><li>一</li></ol>\n<blockquote>引文</blockquote>\n',
    );
  });

  test('with a base URL, upload URLs become absolute (feeds need them)', () => {
    const html = renderBlocks(
      [
        {
          type: 'image',
          image: {
            url: '/uploads/a.png',
            width: 800,
            height: 600,
            alternativeText: '图',
            formats: { small: { url: '/uploads/small_a.png', width: 500, height: 375 } },
          },
        },
      ],
      'https://cms.example.cn',
    );
    expect(html).toContain('src="https://cms.example.cn/uploads/a.png"');
    expect(html).toContain(
      'srcset="https://cms.example.cn/uploads/small_a.png 500w, https://cms.example.cn/uploads/a.png 800w"',
    );
  });

  test('plain text of blocks for digests', () => {
    expect(
      plainText([
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: '甲' },
            { type: 'link', url: 'https://a', children: [{ type: 'text', text: '乙' }] },
          ],
        },
      ]),
    ).toBe('甲乙');
  });
});

describe('responsive images', () => {
  test('every size, smallest first, with a srcset', () => {
    const image = responsiveImage({
      url: '/uploads/cover.jpg',
      width: 1600,
      height: 900,
      formats: {
        large: { url: '/uploads/large_cover.jpg', width: 1000, height: 563 },
        thumbnail: { url: '/uploads/thumbnail_cover.jpg', width: 245, height: 138 },
      },
    });
    expect(image!.sources.map((source) => source.width)).toEqual([245, 1000, 1600]);
    expect(image!.srcset).toBe(
      '/uploads/thumbnail_cover.jpg 245w, /uploads/large_cover.jpg 1000w, /uploads/cover.jpg 1600w',
    );
    expect(responsiveImage(null)).toBeNull();
  });

  test('absolute URLs are left alone', () => {
    expect(absoluteUrl('https://cdn.example.cn/a.png', 'https://cms.example.cn')).toBe(
      'https://cdn.example.cn/a.png',
    );
    expect(absoluteUrl('/uploads/a.png', 'https://cms.example.cn/')).toBe(
      'https://cms.example.cn/uploads/a.png',
    );
  });
});
