import type { Core } from '@strapi/strapi';
import type { WorkflowContextService } from './workflow-context';
import type { SchedulerService } from './scheduler';
import type { TerminologyService } from './terminology';

/** The workflow's services, registered as `api::workflow.<name>` (one file each in src/api/workflow/services). */
type WorkflowServices = {
  context: WorkflowContextService;
  scheduler: SchedulerService;
  terminology: TerminologyService;
};

/** A workflow service of this Strapi instance: what it holds (clock, caches, the tick in flight) is per app. */
export const workflowService = <Name extends keyof WorkflowServices>(
  strapi: Core.Strapi,
  name: Name,
): WorkflowServices[Name] =>
  // Boundary: Strapi types every service as an open record; src/api/workflow/services says which is which.
  strapi.service(`api::workflow.${name}`) as WorkflowServices[Name];
