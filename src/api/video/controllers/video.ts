import { factories } from '@strapi/strapi';
import { withRendered } from '../../../channels/web/rendered';

// Core controller; every response also carries the website rendering (sanitised HTML, responsive images).
export default factories.createCoreController('api::video.video', () => ({
  async find(ctx) {
    return withRendered('api::video.video', await super.find(ctx));
  },
  async findOne(ctx) {
    return withRendered('api::video.video', await super.findOne(ctx));
  },
}));
