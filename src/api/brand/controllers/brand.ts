import { renderedController } from '../../../channels/web/rendered-controller';

export default renderedController('api::brand.brand');
