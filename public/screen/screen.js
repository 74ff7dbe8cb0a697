// The display page: renders /api/screen/feed, rotates the featured items, refreshes when the
// live stream says something was published or unpublished, and keeps showing the last content
// it had (with a small offline mark) while the CMS cannot be reached.
(() => {
  const params = new URLSearchParams(location.search);
  // Inside the CMS's preview page: one unreleased version featured, read once through its signed
  // link; nothing stored, no stream, no rotation.
  const previewLink = params.get('preview');
  const token = previewLink
    ? ''
    : params.get('token') || localStorage.getItem('screen.token') || '';
  if (params.get('token') && !previewLink) localStorage.setItem('screen.token', token);
  const locale = params.get('locale') || 'zh-CN';
  const rotateMs = Number(params.get('rotate') || 10) * 1000;
  const cacheKey = `screen.feed.${locale}`;
  const KINDS = { article: '党建动态', video: '党建视频', achievement: '成果展示' };
  const LEVELS = {
    national: '国家级',
    provincial: '省部级',
    group: '集团级',
    company: '公司级',
    unit: '基层单位',
  };
  const PERIODS = {
    month: (period) => `${period.slice(0, 4)}年${Number(period.slice(5))}月`,
    quarter: (period) => `${period.slice(0, 4)}年第${period.slice(-1)}季度`,
    year: (period) => `${period}年`,
  };
  const $ = (id) => document.getElementById(id);
  const el = (tag, props = {}, children = []) => {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children);
    return node;
  };

  let feed = null;
  let etag = null;
  let featuredIndex = 0;
  let rotation = null;

  const setOffline = (offline) => {
    $('offline').hidden = !offline;
  };

  const renderFeatured = () => {
    const items = feed?.latest ?? [];
    if (items.length === 0) return;
    const item = items[featuredIndex % items.length];
    const src = item.image?.sources?.at(-1)?.url || item.image?.url || '';
    // No cover: a designed card in the brand's colours (the brand's name as a watermark), never a broken image.
    $('featured').classList.toggle('no-image', !src);
    $('featured-image').hidden = !src;
    if (src) $('featured-image').src = src;
    $('featured-image').alt = item.image?.alt || '';
    $('featured-placeholder').textContent = feed?.brand?.name || '党建品牌';
    // The item's 栏目 where it has one; the kind of item where it has none.
    $('featured-kind').textContent = item.category || KINDS[item.kind] || '';
    $('featured-title').textContent = item.title;
    $('featured-summary').textContent = item.summary || '';
    $('featured-dots').replaceChildren(
      ...items.map((_, index) =>
        el('span', { className: index === featuredIndex % items.length ? 'active' : '' }),
      ),
    );
  };

  // 积分榜 (when the CMS shows rankings on screens): the top three organizations and people, as a card beside the achievements.
  const rankingList = (title, rows) =>
    el('div', { className: 'ranking' }, [
      el('h4', { textContent: title }),
      rows.length > 0
        ? el(
            'ol',
            {},
            rows
              .slice(0, 3)
              .map((row) =>
                el('li', {}, [
                  el('b', { textContent: String(row.rank) }),
                  el('span', { textContent: row.name }),
                  el('em', { textContent: `${row.points}分` }),
                ]),
              ),
          )
        : el('p', { textContent: '暂无积分' }),
    ]);
  const rankingsCard = (rankings) =>
    el('article', { className: 'achievement rankings', id: 'rankings' }, [
      el('span', {
        className: 'level',
        textContent: `积分榜 · ${PERIODS[rankings.periodKind]?.(rankings.period) ?? rankings.period}`,
      }),
      el('div', { className: 'ranking-columns' }, [
        rankingList('党组织', rankings.organizations),
        rankingList('个人', rankings.people),
      ]),
    ]);

  const render = () => {
    if (!feed) return;
    const brand = feed.brand;
    if (brand) {
      document.documentElement.style.setProperty('--brand', brand.themeColor || '#c8102e');
      $('brand-name').textContent = brand.name;
      $('brand-slogan').textContent = brand.slogan || '';
      $('brand-logo').src = brand.logo?.sources?.[0]?.url || brand.logo?.url || '';
      $('pillars').replaceChildren(
        ...brand.pillars.map((pillar) =>
          el('li', {}, [
            el('strong', { textContent: pillar.title }),
            el('span', { textContent: pillar.text || '' }),
          ]),
        ),
      );
    }
    $('count-month').textContent = String(feed.counts.publishedThisMonth);
    $('count-levels').replaceChildren(
      ...Object.entries(feed.counts.achievementsByLevel)
        .filter(([, count]) => count > 0)
        .map(([level, count]) =>
          el('li', { textContent: `${LEVELS[level] || level}成果 ${count}` }),
        ),
    );
    $('playlist').replaceChildren(
      ...feed.playlist.slice(0, 4).map((video) => {
        const poster = video.poster?.sources?.[0]?.url;
        return el('li', {}, [
          poster
            ? el('img', { src: poster, alt: '' })
            : el('span', { className: 'poster-placeholder', textContent: '▶' }),
          el('span', { textContent: video.title }),
        ]);
      }),
    );
    $('achievements').replaceChildren(
      ...feed.achievements.slice(0, feed.rankings ? 2 : 3).map((achievement) =>
        el('article', { className: 'achievement' }, [
          el('span', {
            className: 'level',
            textContent: LEVELS[achievement.level] || achievement.level,
          }),
          el('h4', { textContent: achievement.title }),
          el(
            'div',
            { className: 'metrics' },
            achievement.metrics
              .slice(0, 3)
              .map((metric) =>
                el('div', { className: 'metric' }, [
                  el('b', { textContent: `${metric.value}${metric.unit || ''}` }),
                  el('span', { textContent: metric.label }),
                ]),
              ),
          ),
        ]),
      ),
      ...(feed.rankings ? [rankingsCard(feed.rankings)] : []),
    );
    renderFeatured();
  };

  const load = async () => {
    try {
      const response = await fetch(`/api/screen/feed?locale=${encodeURIComponent(locale)}`, {
        headers: { Authorization: `Bearer ${token}`, ...(etag ? { 'If-None-Match': etag } : {}) },
        cache: 'no-store',
      });
      if (response.status === 200) {
        feed = (await response.json()).data;
        etag = response.headers.get('ETag');
        localStorage.setItem(cacheKey, JSON.stringify({ feed, etag }));
        render();
      } else if (response.status !== 304) {
        throw new Error(`feed answered ${response.status}`);
      }
      setOffline(false);
    } catch {
      setOffline(true);
    }
  };

  const tick = () => {
    const now = new Date();
    $('clock-time').textContent = now.toLocaleTimeString('zh-CN', {
      hour12: false,
      hour: '2-digit',
      minute: '2-digit',
    });
    $('clock-date').textContent = now.toLocaleDateString('zh-CN', {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      weekday: 'long',
    });
  };

  if (previewLink) {
    document.title = `预览 · ${document.title}`;
    document.body.append(el('div', { className: 'preview-mark', textContent: '预览 PREVIEW' }));
    tick();
    fetch(`/preview/screen-feed?${new URLSearchParams({ preview: previewLink, locale })}`, {
      cache: 'no-store',
    })
      .then(async (response) => {
        const answer = await response.json();
        if (!response.ok)
          throw new Error(answer?.error?.message || `preview answered ${response.status}`);
        feed = answer.data;
        render();
      })
      .catch((error) => {
        $('offline').textContent = error.message;
        setOffline(true);
      });
    return;
  }

  // Last content first, from the cache, so a screen that restarts while the CMS is down still shows something.
  const cached = JSON.parse(localStorage.getItem(cacheKey) || 'null');
  if (cached) ({ feed, etag } = cached);
  render();
  tick();
  setInterval(tick, 1000);
  const rotate = () => {
    clearInterval(rotation);
    rotation = setInterval(() => {
      featuredIndex += 1;
      renderFeatured();
    }, rotateMs);
  };
  rotate();
  setInterval(load, 60_000); // a safety net; the stream normally says when to reload
  load();

  const stream = new EventSource(`/api/screen/stream?token=${encodeURIComponent(token)}`);
  // A newly published item comes up at once, for a full turn, instead of waiting for its place in the rotation.
  stream.addEventListener('publish', async (event) => {
    await load();
    let notice = null;
    try {
      notice = JSON.parse(event.data);
    } catch {}
    const index = (feed?.latest ?? []).findIndex((item) => item.documentId === notice?.documentId);
    if (index < 0) return;
    featuredIndex = index;
    renderFeatured();
    rotate();
  });
  stream.addEventListener('unpublish', load);
  stream.addEventListener('open', () => {
    setOffline(false);
    load();
  });
  stream.addEventListener('error', () => setOffline(true)); // EventSource reconnects by itself, with Last-Event-ID
})();
