/**
 * The built-in content types, one line each: a new type adds its line here (src/content/registry.ts
 * reads them in their descriptors' `position` order).
 */
export { achievement } from './achievement';
export { article } from './article';
export { brand } from './brand';
export { category } from './category';
export { organization } from './organization';
export { tag } from './tag';
export { video } from './video';
