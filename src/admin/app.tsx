import type { StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { CheckCircle } from '@strapi/icons';
import { gatedPublish } from './workflow/gatedPublish';
import { WechatPanel } from './workflow/WechatPanel';
import { WorkflowPanel } from './workflow/WorkflowPanel';

export default {
  config: {
    locales: ['zh-Hans'],
  },
  register(app: StrapiApp) {
    app.addMenuLink({
      to: 'review-queue',
      icon: CheckCircle,
      intlLabel: { id: 'workflow.review-queue', defaultMessage: '审核队列 Review queue' },
      Component: () => import('./workflow/ReviewQueuePage'),
      permissions: [],
    });
  },
  bootstrap(app: StrapiApp) {
    // Boundary: the admin types every plugin's APIs as Record<string, unknown>; these are the content manager's own.
    const contentManager = app.getPlugin('content-manager').apis as ContentManagerPlugin['config']['apis'];
    contentManager.addEditViewSidePanel([WorkflowPanel, WechatPanel]);
    contentManager.addDocumentAction((actions) => actions.map((action) => (action.type === 'publish' ? gatedPublish(action) : action)));
  },
};
