import { UID } from '../../src/constants';
import { isChannelTargeted } from '../../src/content/registry';
import { requestChannel } from '../../src/read-scope/content-api-scope';

describe('requestChannel', () => {
  test('is null outside the Content API (admin panel, scheduler, seed)', () => {
    expect(requestChannel(undefined)).toBeNull();
    expect(requestChannel({ route: { info: { type: 'admin' } } })).toBeNull();
    expect(requestChannel({ route: { info: { type: 'admin' } }, channel: 'website' })).toBeNull();
  });

  test('is the website unless a channel route chose another', () => {
    const contentApi = { route: { info: { type: 'content-api' } } };
    expect(requestChannel(contentApi)).toBe('website');
    expect(requestChannel({ ...contentApi, channel: 'screen' })).toBe('screen');
    expect(requestChannel({ ...contentApi, channel: 'wechat' })).toBe('wechat');
    // Anything else, say from a query string copied into state, falls back to the website.
    expect(requestChannel({ ...contentApi, channel: 'everything' })).toBe('website');
  });
});

describe('channel targeting', () => {
  test('applies to articles, videos and achievements, not to brand profiles or taxonomies', () => {
    expect([UID.article, UID.video, UID.achievement].every(isChannelTargeted)).toBe(true);
    expect([UID.brand, UID.category, UID.tag, UID.organization].some(isChannelTargeted)).toBe(
      false,
    );
  });
});
