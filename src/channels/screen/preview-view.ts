import { descriptorOf } from '../../content/registry';
import type { ChannelPreview } from '../channel';
import { targetsChannel } from '../channel-targeting';

/** The display page itself, framed, with the version as its featured item (/preview/screen-feed). */
export const screenPreview: ChannelPreview = {
  label: '大屏 Screen',
  render: (_strapi, { uid, row, token, locale, kit }) => {
    // A type without a `channels` component (a brand profile) goes to every channel.
    const onScreens = !descriptorOf(uid)?.channelTargeted || targetsChannel(row.channels, 'screen');
    const query = new URLSearchParams({ preview: token, locale });
    const notice = onScreens
      ? ''
      : '<p class="notice">本条未选择大屏渠道：发布后不会上屏 / Not targeted at the display screens: it will not be shown there</p>';
    return `${notice}<div class="screen-stage"><iframe title="大屏预览 Screen preview" src="/screen/?${kit.text(query.toString())}" scrolling="no"></iframe></div>`;
  },
};
