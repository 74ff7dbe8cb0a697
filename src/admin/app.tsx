import type { StrapiApp } from '@strapi/strapi/admin';
import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
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
    const contentManager = app.getPlugin('content-manager') as unknown as {
      apis: {
        addEditViewSidePanel: (panels: unknown[]) => void;
        addDocumentAction: (reducer: (actions: DocumentActionComponent[]) => DocumentActionComponent[]) => void;
      };
    };
    contentManager.apis.addEditViewSidePanel([WorkflowPanel, WechatPanel]);
    contentManager.apis.addDocumentAction((actions) => actions.map((action) => (action.type === 'publish' ? gatedPublish(action) : action)));
  },
};
