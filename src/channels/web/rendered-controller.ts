import { factories } from '@strapi/strapi';
import { withRendered, type RenderedUid } from './rendered';

/** The core controller of `uid`, whose every response also carries the website rendering (sanitised HTML, responsive images). */
export const renderedController = (uid: RenderedUid) =>
  factories.createCoreController(uid, ({ strapi }) => ({
    async find(ctx) {
      return withRendered(strapi, uid, await super.find(ctx));
    },
    async findOne(ctx) {
      return withRendered(strapi, uid, await super.findOne(ctx));
    },
  }));
