import escapeHtml from 'escape-html';
import { UID } from '../../constants';
import type { ChannelPreview } from '../channel';
import { targetsChannel } from '../channel-targeting';
import { pageUrl, siteOf } from '../web/site';
import { formatWechatArticle } from './article-format';
import { phoneFrame } from './phone-frame';

const notice = (text: string) => `<p class="notice">${text}</p>`;

/** The article as the Official Account will show it, in a phone frame, or why it will not. */
export const wechatPreview: ChannelPreview = {
  label: '微信 WeChat',
  render: (strapi, { uid, row, locale, mediaBase, kit }) => {
    if (uid !== UID.article)
      return notice(
        kit.text('只有文章推送到微信公众号 / Only articles go to the WeChat Official Account'),
      );
    let frame: string;
    try {
      const article = formatWechatArticle(
        {
          title: String(row.title ?? ''),
          author: row.author as string | null,
          digest: row.digest as string | null,
          body: row.body,
          source: row.source as string | null,
          pageUrl: pageUrl(siteOf(strapi, mediaBase), 'articles', locale, String(row.slug ?? '')),
        },
        mediaBase,
      );
      frame = phoneFrame(article, String(strapi.config.get('wechat.accountName') ?? ''));
    } catch (error) {
      // WeChat's own limits (title, author, body length): the reviewer sees them before approving.
      return notice(kit.text((error as Error).message));
    }
    const targeted = targetsChannel(row.channels, 'wechat');
    return `${targeted ? '' : notice(kit.text('本文未选择微信渠道：不会推送 / Not targeted at WeChat: it will not be pushed'))}<div class="phone"><iframe title="微信预览 WeChat preview" sandbox srcdoc="${escapeHtml(frame)}"></iframe></div>`;
  },
};
