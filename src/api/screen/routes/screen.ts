// Display screens (大屏): a cache-friendly feed and a live stream, behind a screen token.
export default {
  routes: [
    {
      method: 'GET',
      path: '/screen/feed',
      handler: 'screen.feed',
      config: { auth: false, policies: ['global::screen-token'] },
    },
    {
      method: 'GET',
      path: '/screen/stream',
      handler: 'screen.stream',
      config: { auth: false, policies: ['global::screen-token'] },
    },
  ],
};
