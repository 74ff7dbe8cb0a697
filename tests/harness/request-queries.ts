import type { Core } from '@strapi/strapi';

/**
 * The SQL statements the HTTP requests made during `work` ran, in order, with their bound values. Only statements run
 * inside a request (Strapi's request context) count: Strapi's own fire-and-forget work, such as
 * the deep populate behind every `entry.update` / `entry.publish` event after a commit, runs
 * outside any request and may land at any moment on a busy machine.
 */
export const requestQueriesDuring = async <T>(
  strapi: Core.Strapi,
  work: () => Promise<T>,
): Promise<{ result: T; statements: string[]; bindings: unknown[][] }> => {
  const statements: string[] = [];
  const bindings: unknown[][] = [];
  const listen = (query: { sql: string; bindings?: unknown[] }) => {
    if (strapi.requestContext.get() === undefined) return;
    statements.push(query.sql);
    bindings.push(query.bindings ?? []);
  };
  strapi.db.connection.on('query', listen);
  try {
    return { result: await work(), statements, bindings };
  } finally {
    strapi.db.connection.off('query', listen);
  }
};
