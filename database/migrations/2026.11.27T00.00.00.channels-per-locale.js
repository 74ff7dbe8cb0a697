'use strict';

/**
 * Channel targeting became per locale (the `channels` component is localized). Strapi already
 * keeps one component row per locale row and copied the values on save, so existing targets
 * carry over as they are; this makes sure no two rows (locales, or draft and live) point at the
 * same component row, which would let one locale's choice change another's.
 */
const TABLES = ['articles', 'videos', 'achievements'];
const COMPONENT_TABLE = 'components_publishing_channels';

module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable(COMPONENT_TABLE))) return;
    for (const table of TABLES) {
      const links = `${table}_cmps`;
      if (!(await knex.schema.hasTable(links))) continue;
      const rows = await knex(links)
        .where({ field: 'channels' })
        .orderBy('id')
        .select('id', 'cmp_id');
      const seen = new Set();
      for (const row of rows) {
        if (!seen.has(row.cmp_id)) {
          seen.add(row.cmp_id);
          continue;
        }
        const { id, ...values } = await knex(COMPONENT_TABLE).where({ id: row.cmp_id }).first();
        const [inserted] = await knex(COMPONENT_TABLE).insert(values).returning('id');
        await knex(links)
          .where({ id: row.id })
          .update({ cmp_id: typeof inserted === 'object' ? inserted.id : inserted });
      }
    }
  },
};
