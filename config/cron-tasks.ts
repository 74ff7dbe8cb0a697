import { runDueJobsOnce } from '../src/workflow/scheduler';

/**
 * Scheduled publishing: every few seconds each instance fires the jobs that are due. Several
 * instances may run it at once; each job is claimed in a transaction, so it fires exactly once.
 */
export default {
  workflowScheduler: {
    task: async ({ strapi }) => {
      await runDueJobsOnce(strapi);
    },
    options: { rule: process.env.SCHEDULER_RULE || '*/5 * * * * *' },
  },
};
