import { schedulerService } from '../../../workflow/scheduler';

// The cron tick of this instance: one run at a time.
export default schedulerService;
