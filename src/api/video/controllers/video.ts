import { UID } from '../../../constants';
import { renderedController } from '../../../channels/web/rendered-controller';

export default renderedController(UID.video);
