/**
 * Conditions that must all hold, as one `filters` (or `where`) condition.
 *
 * Strapi's where.ts reads a list of conditions as "all of them" only at the top of `filters`;
 * inside `$and`, `$or` and `$not` it passes a list on unread, and the field names in it reached
 * SQL as bare column names (PostgreSQL: "column does not exist", a 500). So a rule that adds
 * its own condition to a caller's turns each list into an `$and` of its own first.
 */
type Condition = Record<string, unknown>;

const asCondition = (condition: unknown): unknown =>
  Array.isArray(condition) ? { $and: condition.map(asCondition) } : condition;

export const allOf = (...conditions: unknown[]): Condition => ({
  $and: conditions.map(asCondition),
});
