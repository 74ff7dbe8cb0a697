/** What the phone frame shows of a WeChat article (a WechatArticle has these and more). */
export type PhoneFrameArticle = { title: string; author: string; content: string };

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The article as a phone shows it: WeChat's narrow column, title, the byline (author when there
 * is one, the account's name, the date), then the formatted body; marked 预览 so a screenshot of
 * it is never taken for the real thing. A whole document, for an iframe's srcdoc: used by the
 * edit view's WeChat panel and by the preview page (src/preview).
 */
export const phoneFrame = (
  article: PhoneFrameArticle,
  accountName: string,
  date = new Date(),
): string => {
  const day = date
    .toLocaleDateString('zh-CN', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
    .replace(/\//g, '-');
  const byline = [
    article.author.trim() ? `<span>${escapeHtml(article.author)}</span>` : '',
    `<a>${escapeHtml(accountName)}</a>`,
    `<span>${day}</span>`,
  ].join('');
  return `<!doctype html><html><head><meta charset="utf-8">
<style>body{margin:0;background:#fff;font-family:-apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif}main{padding:20px 16px 40px}
h1{font-size:22px;line-height:1.4;margin:0 0 12px;color:#222}.meta{font-size:15px;margin-bottom:22px}.meta span{color:#999;margin-right:8px}.meta a{color:#576b95;margin-right:8px}
img{max-width:100%;height:auto}.mark{position:fixed;top:8px;right:8px;background:#c8102e;color:#fff;font-size:12px;padding:2px 8px;border-radius:10px;opacity:.85}</style></head>
<body><div class="mark">预览</div><main><h1>${escapeHtml(article.title)}</h1><div class="meta">${byline}</div>${article.content}</main></body></html>`;
};
