import { descriptorOf } from '../../content/registry';
import type { ChannelPreview } from '../channel';
import { renderedUnreleased } from './rendered';
import { siteOf } from './site';

/** The website's page of the version, from the same `rendered` the API serves once released. */
export const websitePreview: ChannelPreview = {
  label: '网站 Website',
  render: (strapi, { uid, row, mediaBase, kit }) => {
    const preview = descriptorOf(uid)?.preview;
    const page = preview ? preview.websitePage(row, renderedUnreleased(uid, row), kit) : '';
    const site = siteOf(strapi, mediaBase);
    return `<div class="site"><header class="site-head">${kit.text(site.title)}</header><article>${page}</article></div>`;
  },
};
