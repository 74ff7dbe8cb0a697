import { factories } from '@strapi/strapi';
import { withRendered } from '../../../channels/web/rendered';

// Core controller; every response also carries the website rendering (sanitised HTML, responsive images).
export default factories.createCoreController('api::article.article', () => ({
  async find(ctx) {
    return withRendered('api::article.article', await super.find(ctx));
  },
  async findOne(ctx) {
    return withRendered('api::article.article', await super.findOne(ctx));
  },
}));
