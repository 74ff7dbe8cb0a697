import type { Core } from '@strapi/strapi';
import { escalateOverdue } from '../src/participation/opinions';
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
  // Staff opinions unanswered past their due time go to the parent organization (each moves once, whichever instance runs it).
  opinionEscalation: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      const moved = await escalateOverdue(strapi);
      if (moved > 0)
        strapi.log.info(`${moved} overdue staff opinions escalated to the parent organization`);
    },
    options: { rule: process.env.OPINION_ESCALATION_RULE || '0 */10 * * * *' },
  },
};
