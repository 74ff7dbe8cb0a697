// The staff page (职工参与): sign in with the employee number, send a contribution with photos
// from the phone, follow what became of it and the points it earned. Plain script, no framework:
// it must load fast on a slow connection. Everything it shows comes from the participation API
// as text (textContent), never as markup.
(() => {
  const API = '/api';
  const TOKEN_KEY = 'participate.jwt';
  const MAX_IMAGES = 9;
  // Phone photos are scaled down before they are sent: a slow line carries 2,000 px, not 12 MB.
  const MAX_EDGE = 2000;
  const STATES = { received: '已收到', adopted: '已采用', published: '已发布', declined: '未采用' };
  const $ = (id) => document.getElementById(id);
  const el = (tag, { dataset, ...props } = {}, children = []) => {
    const node = Object.assign(document.createElement(tag), props);
    // `dataset` cannot be assigned, only filled.
    if (dataset) Object.assign(node.dataset, dataset);
    node.append(...children);
    return node;
  };

  let jwt = localStorage.getItem(TOKEN_KEY);

  // A success says its piece and goes by itself; a failure stays until it is closed or replaced.
  const NOTICE_SECONDS = 6;
  let noticeTimer = null;
  const notify = (text, ok = false) => {
    const notice = $('notice');
    clearTimeout(noticeTimer);
    $('notice-text').textContent = text;
    notice.className = ok ? 'notice ok' : 'notice';
    notice.hidden = !text;
    if (text) notice.scrollIntoView({ block: 'nearest' });
    if (text && ok) noticeTimer = setTimeout(() => notify(''), NOTICE_SECONDS * 1000);
  };
  $('notice-close').addEventListener('click', () => notify(''));

  /** The API's error message (Strapi's shape), or the HTTP status. */
  const failure = async (response) => {
    try {
      const body = await response.json();
      return body?.error?.message || `HTTP ${response.status}`;
    } catch {
      return `HTTP ${response.status}`;
    }
  };

  const call = async (path, options = {}) => {
    const headers = { ...(options.headers || {}) };
    if (jwt && options.auth !== false) headers.Authorization = `Bearer ${jwt}`;
    const response = await fetch(`${API}${path}`, { ...options, headers });
    if (response.status === 401 && options.auth !== false) {
      signOut('登录已过期，请重新登录。');
      throw new Error('signed out');
    }
    if (!response.ok)
      throw Object.assign(new Error(await failure(response)), { status: response.status });
    return response.status === 204 ? null : response.json();
  };

  const sendJson = (method, path, body, auth = true) =>
    call(path, {
      method,
      auth,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const postJson = (path, body, auth = true) => sendJson('POST', path, body, auth);

  const show = (view) => {
    for (const id of ['sign-in', 'set-password', 'own-password', 'signed-in'])
      $(id).hidden = id !== view;
    $('sign-out').hidden = view !== 'signed-in' && view !== 'own-password';
  };

  const signedIn = (token) => {
    jwt = token;
    localStorage.setItem(TOKEN_KEY, token);
    start();
  };

  const signOut = (message = '') => {
    jwt = null;
    localStorage.removeItem(TOKEN_KEY);
    show('sign-in');
    notify(message);
  };

  // ---- sign-in and invitations ----------------------------------------------------------

  $('sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    try {
      const { jwt: token } = await postJson(
        '/auth/local',
        { identifier: form.get('identifier').trim(), password: form.get('password') },
        false,
      );
      notify('');
      // Kept in memory only, for the change an administrator's password asks for next.
      signInPassword = form.get('password');
      signedIn(token);
    } catch (error) {
      notify(`登录失败：${error.message}`);
    }
  });

  const invitation = new URLSearchParams(location.hash.slice(1)).get('invite');
  $('set-password-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    if (form.get('password') !== form.get('passwordConfirmation'))
      return notify('两次输入的密码不一致。');
    try {
      const { jwt: token } = await postJson(
        '/auth/reset-password',
        {
          code: invitation,
          password: form.get('password'),
          passwordConfirmation: form.get('passwordConfirmation'),
        },
        false,
      );
      // The link is spent: keep it out of the address bar and history.
      history.replaceState(null, '', location.pathname);
      notify('密码已设置。', true);
      signedIn(token);
    } catch (error) {
      notify(`设置失败：${error.message}`);
    }
  });
  $('sign-out').addEventListener('click', () => signOut('已退出。'));

  // ---- a password an administrator set: the person chooses their own first ---------------

  let signInPassword = '';
  const HOW = {
    admin: '管理员设置',
    invitation: '通过邀请链接设置',
    self: '本人修改',
    system: '系统设置',
  };
  const whenTime = (iso) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' });

  $('own-password-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    if (form.get('password') !== form.get('passwordConfirmation'))
      return notify('两次输入的密码不一致。');
    try {
      const { jwt: token } = await postJson('/auth/change-password', {
        currentPassword: form.get('currentPassword'),
        password: form.get('password'),
        passwordConfirmation: form.get('passwordConfirmation'),
      });
      event.target.reset();
      signInPassword = '';
      notify('密码已更新，只有您本人知道。', true);
      signedIn(token);
    } catch (error) {
      if (error.message !== 'signed out') notify(`设置失败：${error.message}`);
    }
  });

  // ---- tabs -----------------------------------------------------------------------------

  const openTab = (name) => {
    for (const button of document.querySelectorAll('[data-tab]'))
      button.setAttribute('aria-selected', String(button.dataset.tab === name));
    for (const tab of ['submit', 'mine', 'opinions', 'rankings'])
      $(`tab-${tab}`).hidden = tab !== name;
    if (name === 'mine') loadMine();
    if (name === 'opinions') loadOpinions();
    if (name === 'rankings') loadRankings();
  };
  for (const button of document.querySelectorAll('[data-tab]'))
    button.addEventListener('click', () => openTab(button.dataset.tab));

  // ---- me and my points -----------------------------------------------------------------

  let me = null;
  const loadMe = async () => {
    me = (await call('/participation/me')).data;
    $('me-name').textContent = me.name;
    $('me-badge').hidden = !me.correspondent;
    $('me-organization').textContent =
      `${me.organization ? me.organization.name : ''} · 工号 ${me.employeeNumber}`;
    $('points-month').textContent = me.points.month;
    $('points-year').textContent = me.points.year;
    $('points-total').textContent = me.points.total;
    document.querySelector('[data-tab=rankings]').hidden = !me.rankingsShown;
    $('password-history').replaceChildren(
      ...me.password.history.map((set) =>
        el('li', {
          textContent: `${whenTime(set.at)} · ${HOW[set.how] || set.how}${set.how === 'admin' ? `（${set.by}）` : set.how === 'invitation' ? `（邀请人 ${set.by}）` : ''}`,
        }),
      ),
    );
  };

  const fillChoices = async () => {
    const [organizations, categories] = await Promise.all([
      call('/organizations?locale=zh-CN&pagination[pageSize]=100&fields[0]=name&fields[1]=slug', {
        auth: false,
      }),
      call('/categories?locale=zh-CN&pagination[pageSize]=100&fields[0]=name&fields[1]=slug', {
        auth: false,
      }),
    ]);
    const own = me && me.organization ? me.organization.slug : '';
    for (const id of ['organization', 'opinion-organization'])
      $(id).replaceChildren(
        ...organizations.data.map((item) =>
          el('option', { value: item.slug, textContent: item.name, selected: item.slug === own }),
        ),
      );
    $('category').replaceChildren(
      el('option', { value: '', textContent: '不指定' }),
      ...categories.data.map((item) => el('option', { value: item.slug, textContent: item.name })),
    );
  };

  // ---- sending a contribution -----------------------------------------------------------

  /** A photo scaled so its longer edge is at most MAX_EDGE, as JPEG; small ones and GIFs go as they are. */
  const scaled = async (file) => {
    if (file.type === 'image/gif' || typeof createImageBitmap !== 'function') return file;
    try {
      const bitmap = await createImageBitmap(file);
      const ratio = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
      if (ratio === 1 && file.size < 1024 * 1024) return file;
      const canvas = el('canvas', {
        width: Math.round(bitmap.width * ratio),
        height: Math.round(bitmap.height * ratio),
      });
      canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
      return blob
        ? new File([blob], file.name.replace(/\.[^.]+$/, '') + '.jpg', { type: 'image/jpeg' })
        : file;
    } catch {
      return file;
    }
  };

  // The photos chosen, in order. A file input's list cannot lose one photo, so after a removal
  // it is rebuilt from this one; what is sent is this list.
  let chosenPhotos = [];
  let previewUrls = [];

  const showPhotos = () => {
    try {
      const selection = new DataTransfer();
      for (const file of chosenPhotos) selection.items.add(file);
      $('images').files = selection.files;
    } catch {
      // An old browser without DataTransfer: its input keeps the first choice, chosenPhotos is still what goes.
    }
    for (const url of previewUrls) URL.revokeObjectURL(url);
    previewUrls = chosenPhotos.map((file) => URL.createObjectURL(file));
    $('previews').replaceChildren(
      ...chosenPhotos.map((file, index) => {
        const remove = el('button', { type: 'button', textContent: '移除', title: file.name });
        remove.setAttribute('aria-label', `移除第 ${index + 1} 张照片`);
        remove.addEventListener('click', () => {
          chosenPhotos = chosenPhotos.filter((_, at) => at !== index);
          showPhotos();
        });
        return el('figure', { className: 'preview' }, [
          el('img', { src: previewUrls[index], alt: file.name }),
          remove,
        ]);
      }),
    );
  };

  $('images').addEventListener('change', (event) => {
    chosenPhotos = [...event.target.files];
    if (chosenPhotos.length > MAX_IMAGES)
      notify(`最多 ${MAX_IMAGES} 张照片，已选 ${chosenPhotos.length} 张，请移除多余的。`);
    showPhotos();
  });

  $('contribution-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    const files = chosenPhotos;
    if (files.length > MAX_IMAGES)
      return notify(`最多 ${MAX_IMAGES} 张照片，请移除 ${files.length - MAX_IMAGES} 张。`);
    const send = $('send');
    send.disabled = true;
    send.textContent = '正在提交…';
    try {
      const data = new FormData();
      for (const name of ['title', 'body', 'organization', 'category'])
        data.append(name, form.elements[name].value);
      data.append('consentToBeNamed', String(form.elements.consentToBeNamed.checked));
      for (const file of files) {
        const photo = await scaled(file);
        data.append('images', photo, photo.name);
      }
      await call('/participation/contributions', { method: 'POST', body: data });
      form.reset();
      chosenPhotos = [];
      showPhotos();
      await fillChoices();
      notify('投稿已提交，编辑会尽快处理。', true);
      await loadMe();
    } catch (error) {
      if (error.message !== 'signed out') notify(`提交失败：${error.message}`);
    } finally {
      send.disabled = false;
      send.textContent = '提交投稿';
    }
  });

  // ---- my contributions -----------------------------------------------------------------

  const when = (iso) => new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });

  /**
   * A choice among the send form's options, on the one whose name the contribution shows (the
   * list gives names, not slugs). Where none has that name, the first option keeps it as it is:
   * a choice is sent only when it was changed.
   */
  const choiceLike = (name, source, shown) => {
    const options = [...source.options].map((option) =>
      el('option', {
        value: option.value,
        textContent: option.textContent,
        selected: option.textContent === shown,
      }),
    );
    const select = el('select', { name }, options);
    if (!options.some((option) => option.selected))
      select.prepend(el('option', { value: 'unchanged', textContent: shown, selected: true }));
    return select;
  };

  /** Changing a contribution that still waits in the inbox (已收到): its text and choices, not its photos. */
  const openEdit = (item, button) => {
    const title = el('input', { name: 'title', maxLength: 64, required: true, value: item.title });
    const body = el('textarea', {
      name: 'body',
      rows: 8,
      maxLength: 20000,
      required: true,
      value: item.body,
    });
    const organization = choiceLike('organization', $('organization'), item.organization);
    const category = choiceLike('category', $('category'), item.category || '不指定');
    const consent = el('input', {
      name: 'consentToBeNamed',
      type: 'checkbox',
      checked: item.consentToBeNamed,
    });
    const initial = { organization: organization.value, category: category.value };
    const save = el('button', { type: 'submit', textContent: '保存修改' });
    const form = el('form', { className: 'edit-form' }, [
      el('label', {}, ['标题', title]),
      el('label', {}, ['正文', body]),
      el('label', {}, ['所属党组织', organization]),
      el('label', {}, ['栏目', category]),
      el('label', { className: 'check' }, [consent, ' 采用后署我的姓名']),
      el('p', { className: 'hint', textContent: '编辑处理之前可以修改；照片提交后不能更改。' }),
      el('div', { className: 'actions' }, [
        save,
        el('button', {
          type: 'button',
          className: 'secondary',
          textContent: '取消',
          onclick: () => loadMine(),
        }),
      ]),
    ]);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const changes = { title: title.value, body: body.value, consentToBeNamed: consent.checked };
      for (const [name, select] of [
        ['organization', organization],
        ['category', category],
      ])
        if (select.value !== initial[name]) changes[name] = select.value;
      save.disabled = true;
      try {
        await sendJson(
          'PUT',
          `/participation/contributions/${encodeURIComponent(item.documentId)}`,
          changes,
        );
        notify('投稿已修改。', true);
      } catch (error) {
        if (error.message === 'signed out') return;
        notify(`修改失败：${error.message}`);
        save.disabled = false;
        // Handled meanwhile: the list shows what became of it.
        if (error.status !== 400 || !/已处理/.test(error.message)) return;
      }
      await loadMine();
    });
    button.replaceWith(form);
    title.focus();
  };

  const loadMine = async () => {
    try {
      const { data } = await call('/participation/contributions?pageSize=50');
      $('mine-empty').hidden = data.length > 0;
      $('mine').replaceChildren(
        ...data.map((item) =>
          el('li', { className: 'contribution', dataset: { state: item.state } }, [
            el('div', {}, [
              el('span', {
                className: `state ${item.state}`,
                textContent: STATES[item.state] || item.state,
              }),
              el('span', { className: 'title', textContent: item.title }),
            ]),
            el('div', {
              className: 'muted',
              textContent: `${when(item.submittedAt)} · ${item.organization}${item.images.length ? ` · ${item.images.length} 张照片` : ''}`,
            }),
            ...(item.state === 'declined' && item.declineReason
              ? [el('p', { className: 'reason', textContent: `理由：${item.declineReason}` })]
              : []),
            ...(item.articleUrl
              ? [
                  el('a', {
                    href: item.articleUrl,
                    textContent: '查看已发布的文章',
                    rel: 'noopener',
                  }),
                ]
              : []),
            ...(item.editable
              ? [
                  el('button', {
                    type: 'button',
                    className: 'small',
                    textContent: '修改',
                    onclick: (event) => openEdit(item, event.target),
                  }),
                ]
              : []),
          ]),
        ),
      );
    } catch (error) {
      if (error.message !== 'signed out') notify(`读取失败：${error.message}`);
    }
  };

  // ---- opinions -------------------------------------------------------------------------

  const KINDS = { opinion: '意见', suggestion: '建议', problem: '问题' };

  // Anonymous opinions are reached by their receipt codes, kept on this device (per person on a
  // shared one), never through the account: the server knows no link between them and anyone.
  const receiptsKey = () => `participate.receipts.${me ? me.employeeNumber : ''}`;
  const storedReceipts = () => {
    try {
      return JSON.parse(localStorage.getItem(receiptsKey()) || '[]');
    } catch {
      return [];
    }
  };
  const storeReceipts = (receipts) => localStorage.setItem(receiptsKey(), JSON.stringify(receipts));
  const keepReceipt = (receipt) => {
    if (!storedReceipts().includes(receipt)) storeReceipts([receipt, ...storedReceipts()]);
  };
  const forgetReceipt = (receipt) =>
    storeReceipts(storedReceipts().filter((stored) => stored !== receipt));

  /** The receipt calls carry no sign-in: the code alone opens the opinion. */
  const byReceipt = (path, body) => postJson(`/participation/receipts/${path}`, body, false);

  const RATINGS = { satisfied: '满意', unsatisfied: '不满意' };

  const rate = async (rating, item) => {
    try {
      if (item.receipt) await byReceipt('rating', { receipt: item.receipt, rating });
      else await postJson(`/participation/opinions/${item.documentId}/rating`, { rating });
      notify('谢谢您的评价。', true);
      await loadOpinions();
    } catch (error) {
      if (error.message !== 'signed out') notify(`评价失败：${error.message}`);
    }
  };

  // Times as the sender reads them: in China's time, whatever the phone is set to.
  const dueTime = (iso) =>
    new Date(iso).toLocaleString('zh-CN', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });

  /** When the answer is due; past it, the opinion goes up to the parent organization (escalation). */
  const dueLine = (dueAt) => {
    const overdue = new Date(dueAt).getTime() < Date.now();
    return el('div', {
      className: overdue ? 'due overdue' : 'due',
      textContent: `答复期限：${dueTime(dueAt)}前${overdue ? '（已超期，正在催办）' : ''}`,
    });
  };

  /** 满意 / 不满意, each asked once more: a rating is given once, and then the answer can no longer change. */
  const rating = (item) => {
    const box = el('div', { className: 'rating' });
    const choose = () =>
      box.replaceChildren(
        el(
          'div',
          { className: 'rate' },
          Object.entries(RATINGS).map(([value, label]) =>
            el('button', { type: 'button', textContent: label, onclick: () => ask(value) }),
          ),
        ),
      );
    const ask = (value) => {
      const sure = el('button', {
        type: 'button',
        className: 'confirm',
        textContent: `确认${RATINGS[value]}`,
      });
      sure.addEventListener('click', async () => {
        sure.disabled = true;
        await rate(value, item);
        sure.disabled = false;
      });
      box.replaceChildren(
        el('div', { className: 'confirm-rating' }, [
          el('p', {
            textContent: `确定评价为“${RATINGS[value]}”吗？评价只能提交一次，提交后不能更改。`,
          }),
          el('div', { className: 'actions' }, [
            sure,
            el('button', { type: 'button', textContent: '取消', onclick: choose }),
          ]),
        ]),
      );
    };
    choose();
    return box;
  };

  const opinionItem = (item) =>
    el('li', { className: 'opinion', dataset: { state: item.state } }, [
      el('div', {}, [
        el('span', {
          className: `state ${item.state === 'answered' ? 'published' : 'received'}`,
          textContent: item.state === 'answered' ? '已答复' : '待答复',
        }),
        el('span', { className: 'title', textContent: `【${KINDS[item.kind]}】${item.title}` }),
      ]),
      el('div', {
        className: 'muted',
        textContent: `${item.sentAt ? when(item.sentAt) : ''}${item.receipt ? ` · 匿名 · 查询码 ${item.receipt}` : ''}`,
      }),
      ...(item.state === 'open' && item.dueAt ? [dueLine(item.dueAt)] : []),
      ...(item.answer
        ? [el('p', { className: 'answer', textContent: `答复：${item.answer}` })]
        : []),
      ...(item.state === 'answered' && !item.rating
        ? [rating(item)]
        : item.rating
          ? [
              el('div', {
                className: 'muted',
                textContent: item.rating === 'satisfied' ? '您的评价：满意' : '您的评价：不满意',
              }),
            ]
          : []),
      // On a shared device a person may take a code away; one that still opens its opinion only once it is written down.
      ...(item.receipt
        ? [
            el('button', {
              type: 'button',
              className: 'link',
              textContent: '从本机移除此查询码',
              onclick: () => {
                if (
                  !item.notFound &&
                  !confirm(
                    `移除后本机不再保存这个查询码，只有凭它才能再查看这条意见。请确认已抄下：${item.receipt}`,
                  )
                )
                  return;
                forgetReceipt(item.receipt);
                loadOpinions();
              },
            }),
          ]
        : []),
    ]);

  const loadOpinions = async () => {
    try {
      const { data } = await call('/participation/opinions');
      $('opinions').replaceChildren(...data.map(opinionItem));
      $('opinions-empty').hidden = data.length > 0;
      const receipts = storedReceipts();
      if (receipts.length === 0) return $('anonymous-opinions').replaceChildren();
      try {
        // All the codes this phone keeps, in one look-up (20 at most, the newest).
        const { data } = await byReceipt('opinion', { receipts: receipts.slice(0, 20) });
        $('anonymous-opinions').replaceChildren(
          // A code that opens nothing (its opinion deleted) says so, and only then may be removed.
          ...data.map(({ receipt, opinion }) =>
            opinionItem(
              opinion
                ? { ...opinion, receipt }
                : {
                    receipt,
                    notFound: true,
                    kind: 'opinion',
                    title: '（没有与此查询码对应的意见）',
                    state: 'open',
                    sentAt: null,
                  },
            ),
          ),
        );
      } catch (error) {
        // Busy or unreachable: the codes stay as they are, to be asked again.
        $('anonymous-opinions').replaceChildren(
          el('li', {
            className: 'muted',
            textContent:
              error.status === 429
                ? '查询过于频繁，请稍后再试。'
                : `匿名意见暂时无法读取：${error.message}`,
          }),
        );
      }
    } catch (error) {
      if (error.message !== 'signed out') notify(`读取失败：${error.message}`);
    }
  };

  const showReceipt = (receipt) => {
    const shown = $('receipt-shown');
    shown.replaceChildren(
      '匿名意见已提交。这是它的查询码，只显示这一次，本机已保存；换设备时凭它查看答复，请抄下：',
      el('code', { textContent: receipt }),
    );
    shown.hidden = false;
  };

  $('opinion-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    try {
      const { data } = await postJson('/participation/opinions', {
        kind: form.elements.kind.value,
        title: form.elements.title.value,
        body: form.elements.body.value,
        organization: form.elements.organization.value,
        anonymous: form.elements.anonymous.checked,
        consentToPublish: form.elements.consentToPublish.checked,
      });
      form.reset();
      await fillChoices();
      if (data.receipt) {
        keepReceipt(data.receipt);
        showReceipt(data.receipt);
        notify('已匿名提交，请保存查询码。', true);
      } else {
        $('receipt-shown').hidden = true;
        notify('已提交，答复后会显示在下方。', true);
      }
      await loadOpinions();
    } catch (error) {
      if (error.message !== 'signed out') notify(`提交失败：${error.message}`);
    }
  });

  $('receipt-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const receipt = event.target.elements.receipt.value.trim().toUpperCase().replace(/\s+/g, '');
    try {
      await byReceipt('opinion', { receipt });
      keepReceipt(receipt);
      event.target.reset();
      notify('已找到这条匿名意见，本机已保存查询码。', true);
      await loadOpinions();
    } catch (error) {
      notify(error.status === 429 ? '查询过于频繁，请稍后再试。' : `查询失败：${error.message}`);
    }
  });

  const loadRankings = async () => {
    try {
      const { data } = await call('/participation/rankings?period=month');
      $('rankings').replaceChildren(
        ...data.rows.map((row) =>
          el('li', {}, [
            el('span', { textContent: `${row.rank}. ${row.name}（${row.organization}）` }),
            el('b', { textContent: `${row.points} 分` }),
          ]),
        ),
      );
    } catch (error) {
      if (error.message !== 'signed out') notify(`读取失败：${error.message}`);
    }
  };

  // ---- start ----------------------------------------------------------------------------

  const start = async () => {
    if (!jwt) return show(invitation ? 'set-password' : 'sign-in');
    try {
      await loadMe();
      if (me.password.changeRequired) {
        const [set] = me.password.history;
        $('own-password-why').textContent =
          `管理员${set.by}于 ${whenTime(set.at)} 为您设置了密码。管理员知道这个密码，请先换成只有您知道的密码，再继续使用。`;
        $('own-password-form').elements.currentPassword.value = signInPassword;
        return show('own-password');
      }
      show('signed-in');
      await fillChoices();
    } catch (error) {
      if (error.message !== 'signed out') signOut(`无法进入：${error.message}`);
    }
  };

  if (invitation) {
    jwt = null;
    localStorage.removeItem(TOKEN_KEY);
  }
  start();
})();
