import { workflowContext } from '../../../workflow/workflow-context';

// Who acts, when, and the release under way, per Strapi instance (src/workflow/workflow-services.ts types it).
export default workflowContext;
