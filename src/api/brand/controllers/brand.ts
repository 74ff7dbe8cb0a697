import { factories } from '@strapi/strapi';
import { withRendered } from '../../../channels/web/rendered';

// Core controller; every response also carries the website rendering (sanitised HTML, responsive images).
export default factories.createCoreController('api::brand.brand', () => ({
  async find(ctx) {
    return withRendered('api::brand.brand', await super.find(ctx));
  },
  async findOne(ctx) {
    return withRendered('api::brand.brand', await super.findOne(ctx));
  },
}));
