import type { Core } from '@strapi/strapi';
import { workflowService } from '../src/workflow/workflow-services';

/**
 * Scheduled publishing: every few seconds each instance fires the jobs that are due. Several
 * instances may run it at once; each job is claimed in a transaction, so it fires exactly once.
 */
export default {
  workflowScheduler: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await workflowService(strapi, 'scheduler').tick();
    },
    options: { rule: process.env.SCHEDULER_RULE || '*/5 * * * * *' },
  },
};
