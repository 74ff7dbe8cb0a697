import type { StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { Calendar, CheckCircle } from '@strapi/icons';
import { confirmedSave } from './workflow/confirmedSave';
import { gatedPublish } from './workflow/gatedPublish';
import { addReviewStateColumn, ReviewStateFilter } from './workflow/ReviewStateList';
import { WechatPanel } from './workflow/WechatPanel';
import { WorkflowPanel } from './workflow/WorkflowPanel';

// Strapi's admin reads this key before it renders (English when unset); a language picked in
// the profile is stored there too and wins.
const ADMIN_LANGUAGE_KEY = 'strapi-admin-language';

export default {
  config: {
    locales: ['zh-Hans'],
  },
  register(app: StrapiApp) {
    // The panel opens in 简体中文, the login page included, unless this browser chose otherwise.
    if (!window.localStorage.getItem(ADMIN_LANGUAGE_KEY)) window.localStorage.setItem(ADMIN_LANGUAGE_KEY, 'zh-Hans');
    app.addMenuLink({
      to: 'review-queue',
      icon: CheckCircle,
      intlLabel: { id: 'workflow.review-queue', defaultMessage: '审核队列 Review queue' },
      Component: () => import('./workflow/ReviewQueuePage'),
      permissions: [],
    });
    app.addMenuLink({
      to: 'release-calendar',
      icon: Calendar,
      intlLabel: { id: 'workflow.release-calendar', defaultMessage: '发布日历 Release calendar' },
      Component: () => import('./workflow/ReleaseCalendarPage'),
      permissions: [],
    });
  },
  bootstrap(app: StrapiApp) {
    // Boundary: the admin types every plugin's APIs as Record<string, unknown>; these are the content manager's own.
    const contentManager = app.getPlugin('content-manager').apis as ContentManagerPlugin['config']['apis'];
    contentManager.addEditViewSidePanel([WorkflowPanel, WechatPanel]);
    contentManager.addDocumentAction((actions) => actions.map((action) => (action.type === 'publish' ? gatedPublish(action) : action.type === 'update' ? confirmedSave(action) : action)));
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', addReviewStateColumn);
    app.getPlugin('content-manager').injectComponent('listView', 'actions', { name: 'review-state-filter', Component: ReviewStateFilter });
  },
};
