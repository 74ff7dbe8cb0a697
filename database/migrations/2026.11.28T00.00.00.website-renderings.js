'use strict';

/**
 * The website's HTML of each rich text, stored once per released version instead of rendered
 * per request (src/channels/web/stored-renderings.ts). Derived data in a table of its own: it
 * never enters a document, a version hash or an approval, and can be emptied and rebuilt at any
 * time (`npm run reindex`).
 */
const TABLE = 'website_renderings';

module.exports = {
  async up(knex) {
    if (await knex.schema.hasTable(TABLE)) return;
    await knex.schema.createTable(TABLE, (table) => {
      table.string('source_key', 64).primary();
      table.text('html').notNullable();
      table.bigInteger('rendered_at').notNullable().index(`${TABLE}_rendered_at_idx`);
    });
  },
};
