import { terminologyService } from '../../../workflow/terminology';

// The terminology matcher of this instance, rebuilt when the rules change.
export default terminologyService;
