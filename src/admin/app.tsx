import type { StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { Bell, Calendar, CheckCircle, Crown, Discuss, Mail, Pencil } from '@strapi/icons';
import { BULK_REVIEW_ACTIONS } from './workflow/bulkReview';
import { checkedBulkPublish, mayBeBulkPublish } from './workflow/checkedBulkPublish';
import { confirmedSave } from './workflow/confirmedSave';
import { gatedPublish } from './workflow/gatedPublish';
import { addReviewStateColumn, ReviewStateFilter } from './workflow/ReviewStateList';
import { prefetchStatusOf } from './workflow/workflow-api';
import { PreviewReview } from './workflow/PreviewReview';
import { ReviewStateHeader } from './workflow/ReviewStateHeader';
import { WechatPanel } from './workflow/WechatPanel';
import { WorkflowPanel } from './workflow/WorkflowPanel';
import { WordCountPanel } from './workflow/WordCountPanel';
import { hideActionsTheRoleCannotUse } from './workflow/hiddenForRole';
import { pagePermissions } from '../access/admin-pages';
import { ZH_HANS_OVERRIDES } from './translations/zh-Hans';
import { singlePluginPrefixes } from './translations/plugin-prefixes';

// Strapi's admin reads this key before it renders (English when unset); a language picked in
// the profile is stored there too and wins.
const ADMIN_LANGUAGE_KEY = 'strapi-admin-language';
const MEASURE_WITHOUT_WORKFLOW_KEY = 'brand-cms-measure-without-workflow';

/**
 * The review status of an edit view is asked for as its address is opened (a load, a link, back
 * and forward), in parallel with the content manager's own requests, not after the form renders.
 */
const prefetchStatusOnNavigation = () => {
  const prefetch = () => {
    if (window.localStorage.getItem(MEASURE_WITHOUT_WORKFLOW_KEY) !== 'true')
      prefetchStatusOf(window.location);
  };
  const pushState = window.history.pushState.bind(window.history);
  window.history.pushState = (...args: Parameters<History['pushState']>) => {
    pushState(...args);
    prefetch();
  };
  window.addEventListener('popstate', prefetch);
  prefetch();
};

export default {
  config: {
    locales: ['zh-Hans'],
    // Strapi ships no Chinese for its preview (our preview pages are src/preview).
    translations: {
      'zh-Hans': {
        ...ZH_HANS_OVERRIDES,
        'content-manager.preview.panel.title': '预览 Preview',
        'content-manager.preview.panel.button': '打开预览 Open preview',
        'content-manager.preview.panel.button-disabled-tooltip':
          '请先保存再预览 Save to open the preview',
        'content-manager.preview.page-title': '{contentType}预览 Preview',
        'content-manager.preview.header.close': '关闭预览 Close preview',
        'preview.copy.label': '复制预览链接 Copy preview link',
        'content-manager.preview.copy.success': '已复制预览链接 Preview link copied',
        'preview.tabs.label': '预览版本 Preview status',
        'content-manager.preview.device.select': '选择设备 Select device',
        'content-manager.preview.device.desktop': '桌面 Desktop',
        'content-manager.preview.device.mobile': '手机 Mobile',
        'content-manager.preview.content.open-editor': '打开编辑 Open editor',
        'content-manager.preview.content.close-editor': '收起编辑 Close editor',
      },
    },
  },
  register(app: StrapiApp) {
    // The panel opens in 简体中文, the login page included, unless this browser chose otherwise.
    if (!window.localStorage.getItem(ADMIN_LANGUAGE_KEY))
      window.localStorage.setItem(ADMIN_LANGUAGE_KEY, 'zh-Hans');
    prefetchStatusOnNavigation();
    singlePluginPrefixes(app, 'content-manager');
    // Each link is shown to the roles its page's API serves (src/access/admin-pages.ts); the content
    // manager's own link is shown to everyone by Strapi, so a role with no content sees it hidden too.
    const contentManagerLink = app.router.menu.find((link) => link.to === 'content-manager');
    if (contentManagerLink) contentManagerLink.permissions = pagePermissions('content-manager');
    app.addMenuLink({
      to: 'review-queue',
      icon: CheckCircle,
      intlLabel: { id: 'workflow.review-queue', defaultMessage: '审核队列 Review queue' },
      Component: () => import('./workflow/ReviewQueuePage'),
      permissions: pagePermissions('review-queue'),
    });
    // The Home page: my items waiting for me (sent back to me, at a stage I review).
    app.widgets.register({
      id: 'waiting-for-me',
      icon: Bell,
      title: { id: 'workflow.widget.waiting-for-me', defaultMessage: '等我处理' },
      link: {
        label: { id: 'workflow.widget.my-items', defaultMessage: '我的稿件' },
        href: '/my-items',
      },
      // Widgets need every permission listed: any content read, as the content manager's own widgets ask.
      permissions: pagePermissions('content-manager'),
      component: async () => (await import('./workflow/WaitingForMeWidget')).WaitingForMeWidget,
    });
    app.addMenuLink({
      to: 'my-items',
      icon: Pencil,
      intlLabel: { id: 'workflow.my-items', defaultMessage: '我的稿件 My items' },
      Component: () => import('./workflow/MyItemsPage'),
      permissions: pagePermissions('my-items'),
    });
    app.addMenuLink({
      to: 'release-calendar',
      icon: Calendar,
      intlLabel: { id: 'workflow.release-calendar', defaultMessage: '发布日历 Release calendar' },
      Component: () => import('./workflow/ReleaseCalendarPage'),
      permissions: pagePermissions('release-calendar'),
    });
    // Staff participation: the editors' inbox, the handlers' opinions, the rankings (each page asks the server, which checks who may).
    app.addMenuLink({
      to: 'contributions',
      icon: Mail,
      intlLabel: { id: 'participation.contributions', defaultMessage: '投稿箱 Contributions' },
      Component: () => import('./participation/ContributionsPage'),
      permissions: pagePermissions('contributions'),
    });
    app.addMenuLink({
      to: 'opinions',
      icon: Discuss,
      intlLabel: { id: 'participation.opinions', defaultMessage: '意见建议 Opinions' },
      Component: () => import('./participation/OpinionsPage'),
      permissions: pagePermissions('opinions'),
    });
    app.addMenuLink({
      to: 'rankings',
      icon: Crown,
      intlLabel: { id: 'participation.rankings', defaultMessage: '积分排名 Rankings' },
      Component: () => import('./participation/RankingsPage'),
      permissions: pagePermissions('rankings'),
    });
  },
  bootstrap(app: StrapiApp) {
    // Boundary: the admin types every plugin's APIs as Record<string, unknown>; these are the content manager's own.
    const contentManager = app.getPlugin('content-manager')
      .apis as ContentManagerPlugin['config']['apis'];
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', addReviewStateColumn);
    app.getPlugin('content-manager').injectComponent('listView', 'actions', {
      name: 'review-state-filter',
      Component: ReviewStateFilter,
    });
    app
      .getPlugin('content-manager')
      .injectComponent('preview', 'actions', { name: 'preview-review', Component: PreviewReview });
    contentManager.addBulkAction((actions) =>
      actions.map((action) => (mayBeBulkPublish(action) ? checkedBulkPublish(action) : action)),
    );
    contentManager.addBulkAction((actions) => [...BULK_REVIEW_ACTIONS, ...actions]);
    // Actions a role cannot use are left out, not shown disabled (Delete, Edit the model, Configure the view).
    contentManager.addDocumentAction(hideActionsTheRoleCannotUse);
    // 字数 right under the publish buttons, so it shows without scrolling.
    contentManager.addEditViewSidePanel((panels) => {
      const afterActions = panels.findIndex((panel) => panel.type === 'actions') + 1;
      return [...panels.slice(0, afterActions), WordCountPanel, ...panels.slice(afterActions)];
    });
    // `npm run screenshots` measures the edit view's opening with and without the workflow's
    // panels and buttons; this browser-local switch is how it opens one without them.
    if (window.localStorage.getItem(MEASURE_WITHOUT_WORKFLOW_KEY) === 'true') return;
    contentManager.addEditViewSidePanel([WorkflowPanel, WechatPanel]);
    contentManager.addDocumentHeaderAction((actions) => [ReviewStateHeader, ...actions]);
    contentManager.addDocumentAction((actions) =>
      actions.map((action) =>
        action.type === 'publish'
          ? gatedPublish(action)
          : action.type === 'update'
            ? confirmedSave(action)
            : action,
      ),
    );
  },
};
