import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { DocumentMiddleware } from './document-middlewares';

/**
 * Lists in rich text nest at most this deep. The admin's editor indents a list without end, and
 * everything that reads a body (the website's HTML, WeChat's, the diff, the hash) walks its
 * tree; BODY_MAX_DEPTH sits above the deepest body this allows.
 */
export const MAX_LIST_NESTING = 16;

type Node = { type?: unknown; children?: unknown };

/** How deep lists nest in a rich text value (0: no list), without recursion. */
export const listNesting = (blocks: unknown): number => {
  let deepest = 0;
  const stack: Array<{ node: unknown; lists: number }> = [{ node: blocks, lists: 0 }];
  while (stack.length > 0) {
    const { node, lists } = stack.pop()!;
    if (Array.isArray(node)) {
      for (const child of node) stack.push({ node: child, lists });
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    const { type, children } = node as Node;
    const inside = type === 'list' ? lists + 1 : lists;
    deepest = Math.max(deepest, inside);
    if (Array.isArray(children)) stack.push({ node: children, lists: inside });
  }
  return deepest;
};

/** Every save of a type with rich text (any path): lists nested deeper than MAX_LIST_NESTING are a 400 naming the field. */
export const richTextNesting =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async ({ uid, action, params }, next) => {
    if ((action === 'create' || action === 'update') && params.data) {
      const attributes = strapi.contentType(uid)?.attributes ?? {};
      for (const [name, attribute] of Object.entries(attributes)) {
        if (attribute.type !== 'blocks' || !Object.prototype.hasOwnProperty.call(params.data, name))
          continue;
        if (listNesting(params.data[name]) > MAX_LIST_NESTING) {
          throw new errors.ValidationError(
            `${name}: lists may be nested at most ${MAX_LIST_NESTING} levels deep`,
            {
              errors: [
                {
                  path: [name],
                  message: `lists may be nested at most ${MAX_LIST_NESTING} levels deep`,
                },
              ],
            },
          );
        }
      }
    }
    return next();
  };
