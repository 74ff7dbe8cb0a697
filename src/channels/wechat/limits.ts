/** WeChat's limits for one article of a draft (官方文档: 草稿箱/新建草稿); plain, so the admin panel's counters share them. */
export const WECHAT_LIMITS = { title: 32, author: 16, digest: 128, content: 20_000 } as const;

/** A text's length as WeChat counts it against those limits: one per character (code point), a Chinese one included. */
export const wechatLength = (text: string): number => [...text].length;
