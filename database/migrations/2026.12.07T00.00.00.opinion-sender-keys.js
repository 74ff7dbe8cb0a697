'use strict';

/**
 * Anonymous opinions kept a keyed hash of their sender (`sender_key`), so the sender could read
 * the answers through their account; whoever attributed one anonymous opinion could attribute
 * all of that person's others by it. The keys are wiped here and the column then goes with the
 * schema; any sender link an anonymous opinion has is removed too. New anonymous opinions are
 * followed by a receipt code instead (src/participation/opinion-receipts.ts).
 *
 * What their senders lose: the staff page can no longer show them those opinions, their answers,
 * or let them rate an answer. The opinions themselves, their answers and ratings stay, for
 * the handlers and the records.
 */
const TABLE = 'participation_opinions';
const SENDER_LINKS = 'participation_opinions_sender_lnk';

module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable(TABLE))) return;
    if (await knex.schema.hasColumn(TABLE, 'sender_key'))
      await knex(TABLE).update({ sender_key: null });
    if (await knex.schema.hasTable(SENDER_LINKS)) {
      await knex(SENDER_LINKS)
        .whereIn('opinion_id', knex(TABLE).select('id').where({ anonymous: true }))
        .delete();
    }
  },
};
