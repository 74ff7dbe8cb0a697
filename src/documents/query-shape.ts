import type { Core } from '@strapi/strapi';
import { errors, isOperator, isOperatorOfType } from '@strapi/utils';
import { allOf } from './all-of';
import { ownAttribute } from './own-attribute';
import type { DocumentMiddleware } from './document-middlewares';

/**
 * Strapi's query layer trusts the shape of `filters`, `sort`, `fields`, `_q` and `locale`:
 * `filters=abc`, `filters[id][$between]=x` or `sort=../en` reach the database code and end as a
 * 500 (an Error from where.ts, order-by.ts, search.ts, query-builder.ts or knex). Checked here,
 * on every Document Service call (REST, GraphQL, the admin panel, our own code) and every
 * database read, against the database's view of the model, and refused with a 400 that names
 * the parameter. The rules mirror what that code accepts.
 */

type Attribute = { type: string; target?: string };
type Model = { attributes: Record<string, Attribute> };
type ModelOf = (uid: string) => Model | undefined;

/** An object of conditions, as a query string or JSON body gives it. */
const isRecord = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};
/** One value to compare with: text, a number, … or an object of our own code's (a date, a subquery). */
const isScalar = (value: unknown) =>
  value === null ||
  ['string', 'number', 'boolean', 'bigint'].includes(typeof value) ||
  (typeof value === 'object' && !Array.isArray(value) && !isRecord(value));

const refuse = (parameter: string, problem: string): never => {
  throw new errors.ValidationError(`Invalid ${parameter}: ${problem}`, { parameter });
};

const relationTarget = (attribute: Attribute): string | null =>
  attribute.type === 'relation' && attribute.target ? attribute.target : null;
/** Types the database cannot compare (components, dynamic zones, media reach it as relations). */
const UNFILTERABLE = new Set(['json', 'blocks', 'component', 'dynamiczone', 'media', 'password']);

/** Operators whose value is a yes or no, not something the column is compared with. */
const PRESENCE = new Set(['$null', '$notNull']);
/** Operators the database applies to one column (where.ts applyOperator); $and and $or only combine whole conditions. */
const COLUMN_OPERATORS = new Set([
  '$not',
  '$in',
  '$notIn',
  '$eq',
  '$eqi',
  '$ne',
  '$nei',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$null',
  '$notNull',
  '$between',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
  '$contains',
  '$containsi',
  '$notContains',
  '$notContainsi',
]);
/** Operators that match text (LIKE, LOWER): PostgreSQL has no LIKE for a number, a date or a yes-or-no. */
const TEXT_MATCHES = new Set([
  '$eqi',
  '$nei',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
  '$contains',
  '$containsi',
  '$notContains',
  '$notContainsi',
]);
const TEXT_COLUMNS = new Set(['string', 'text', 'richtext', 'email', 'uid', 'enumeration']);

/** PostgreSQL's text cannot hold a NUL byte: a value with one is an error of the database's. */
const NUL = '\u0000';
const NUL_REFUSED = 'text cannot contain a NUL byte (%00)';

/** The column type a relation's condition compares with: its id. */
const RELATION_ID = 'relation id';
const INT32 = 2 ** 31;
const WHOLE_NUMBER = /^\s*[+-]?\d{1,18}\s*$/;
const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const MILLISECONDS = /^\d{1,15}$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME = /^(2[0-3]|[01]\d):[0-5]\d:[0-5]\d(\.\d{1,3})?$/;
/** A real day of the calendar: JavaScript rolls 2024-02-30 over to March, Strapi's parser refuses it. */
const isCalendarDay = (text: string): boolean => {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
};
const isDateTime = (value: string | number | boolean | bigint) =>
  typeof value === 'number'
    ? Number.isFinite(value)
    : typeof value === 'string' &&
      (MILLISECONDS.test(value) ||
        (ISO_DATE_TIME.test(value) &&
          isCalendarDay(value) &&
          !Number.isNaN(new Date(value.replace(' ', 'T')).getTime())));
/**
 * Whether a column of `type` can be compared with `value`: the database casts what the model
 * says (fields/*.ts toDB, shared/parsers.ts) and throws, or PostgreSQL refuses, where it cannot.
 */
const fitsColumn = (type: string, value: string | number | boolean | bigint): boolean => {
  if (type === 'increments' || type === 'integer' || type === RELATION_ID) {
    const whole =
      typeof value === 'number'
        ? value
        : typeof value === 'string' && WHOLE_NUMBER.test(value)
          ? Number(value)
          : NaN;
    return Number.isInteger(whole) && whole >= -INT32 && whole < INT32;
  }
  if (type === 'biginteger')
    return (
      typeof value === 'bigint' ||
      (typeof value === 'number' && Number.isSafeInteger(value)) ||
      (typeof value === 'string' && WHOLE_NUMBER.test(value))
    );
  if (type === 'float' || type === 'decimal')
    return typeof value === 'number'
      ? Number.isFinite(value)
      : typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value));
  if (type === 'datetime' || type === 'timestamp') return isDateTime(value);
  if (type === 'date') return typeof value === 'string' && DATE.test(value) && isCalendarDay(value);
  if (type === 'time') return typeof value === 'string' && TIME.test(value);
  return true;
};
const EXPECTED: Record<string, string> = {
  increments: 'expected a whole number',
  integer: 'expected a whole number',
  biginteger: 'expected a whole number',
  float: 'expected a number',
  decimal: 'expected a number',
  datetime: 'expected an ISO date and time, e.g. 2026-01-02T08:00:00Z, or milliseconds since 1970',
  timestamp: 'expected an ISO date and time, e.g. 2026-01-02T08:00:00Z, or milliseconds since 1970',
  date: 'expected a date, e.g. 2026-01-02',
  time: 'expected a time, e.g. 08:00:00',
  [RELATION_ID]: 'expected the id (a whole number) of a related entry, or conditions on its fields',
};

/** One value compared with a column of `type` by `operator`. */
const checkValue = (value: unknown, parameter: string, operator: string, type: string): void => {
  if (!isScalar(value)) refuse(parameter, 'expected a value');
  // null, and our own code's objects (a date, a subquery), are the database's to read.
  if (PRESENCE.has(operator) || value === null || typeof value === 'object') return;
  if (typeof value === 'string' && value.includes(NUL)) refuse(parameter, NUL_REFUSED);
  if (TEXT_MATCHES.has(operator) && !TEXT_COLUMNS.has(type))
    refuse(
      parameter,
      `${operator} matches text, and this field is a ${type === RELATION_ID ? 'relation' : type}`,
    );
  if (!fitsColumn(type, value as string | number | boolean | bigint))
    refuse(parameter, EXPECTED[type]);
};

/**
 * A condition on one column of `type` (where.ts applyWhereToColumn): a value, a list of values
 * (any of them), or operators, each with a value, or a list of values for $in, $notIn and
 * $between (of two), or a whole condition for $not.
 */
const checkColumnCondition = (condition: unknown, parameter: string, type: string): void => {
  if (Array.isArray(condition))
    return condition.forEach((value, index) =>
      checkValue(value, `${parameter}[${index}]`, '$in', type),
    );
  if (!isRecord(condition)) return checkValue(condition, parameter, '$eq', type);
  for (const [operator, value] of Object.entries(condition)) {
    const at = `${parameter}.${operator}`;
    if (!COLUMN_OPERATORS.has(operator))
      refuse(
        at,
        'unknown operator here (use $eq, $ne, $in, $lt, $between, $contains, $null, $not, …)',
      );
    if (operator === '$not') checkColumnCondition(value, at, type);
    else if (operator === '$between' && (!Array.isArray(value) || value.length !== 2))
      refuse(at, 'expected a list of two values');
    else if (Array.isArray(value))
      value.forEach((one, index) => checkValue(one, `${at}[${index}]`, operator, type));
    else checkValue(value, at, operator, type);
  }
};

/** A condition on a relation: its ids, or conditions on the target's fields (where.ts processRelationWhere). */
const checkRelationCondition = (
  condition: unknown,
  target: string,
  modelOf: ModelOf,
  parameter: string,
): void => {
  if (!isRecord(condition)) return checkColumnCondition(condition, parameter, RELATION_ID);
  const keys = Object.keys(condition);
  const operators = keys.filter((key) => isOperator(key));
  if (operators.length > 0 && operators.length !== keys.length)
    refuse(parameter, 'operators and fields cannot be mixed');
  if (operators.length > 1)
    refuse(parameter, `only one operator is allowed here, found ${operators.join(', ')}`);
  const [operator] = operators;
  if (operator === undefined || isOperatorOfType('group', operator))
    return checkFilters(condition, target, modelOf, parameter);
  const value = condition[operator];
  return isRecord(value)
    ? checkFilters(value, target, modelOf, `${parameter}.${operator}`)
    : checkColumnCondition({ [operator]: value }, parameter, RELATION_ID);
};

/**
 * A condition inside `$and`, `$or` or `$not` (where.ts processNested): an object of conditions.
 * A list is read as "all of them" only at the top; here where.ts passes it on unread and its
 * field names reach SQL as bare column names.
 */
const checkGroupedFilters = (
  filters: unknown,
  uid: string,
  modelOf: ModelOf,
  parameter: string,
): void => {
  if (Array.isArray(filters))
    refuse(
      parameter,
      'expected conditions on fields, not a list (a list is read as all of them only at the top of filters)',
    );
  checkFilters(filters, uid, modelOf, parameter);
};

/** `filters` of a model (where.ts processWhere). */
const checkFilters = (filters: unknown, uid: string, modelOf: ModelOf, parameter: string): void => {
  if (Array.isArray(filters))
    return filters.forEach((sub, index) =>
      checkFilters(sub, uid, modelOf, `${parameter}[${index}]`),
    );
  if (!isRecord(filters))
    return refuse(parameter, 'expected conditions on fields, e.g. filters[slug][$eq]=…');
  const model = modelOf(uid);
  if (!model) return refuse(parameter, 'unknown content type');
  for (const [key, value] of Object.entries(filters)) {
    const at = `${parameter}.${key}`;
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value)) refuse(at, 'expected a list of conditions');
      (value as unknown[]).forEach((sub, index) =>
        checkGroupedFilters(sub, uid, modelOf, `${at}[${index}]`),
      );
      continue;
    }
    if (key === '$not') {
      checkGroupedFilters(value, uid, modelOf, at);
      continue;
    }
    if (isOperator(key)) refuse(at, 'only $and, $or and $not may stand in place of a field');
    const attribute = ownAttribute(model.attributes, key) ?? refuse(at, 'no such field');
    const target = relationTarget(attribute);
    if (target) checkRelationCondition(value, target, modelOf, at);
    else if (UNFILTERABLE.has(attribute.type))
      refuse(at, `a ${attribute.type} field cannot be filtered on`);
    else checkColumnCondition(value, at, attribute.type);
  }
};

const ORDER = /^(asc|desc)$/i;

/** Strapi 5 sorts draft-and-publish types by a virtual `status` (order-by.ts: draft, modified, published). */
const sortsByStatus = (model: Model | undefined): boolean =>
  ownAttribute(model?.attributes, 'publishedAt') !== undefined &&
  ownAttribute(model?.attributes, 'documentId') !== undefined;

/** One sort path `field.field[:order]` of a model (order-by.ts). */
const checkSortPath = (path: string, uid: string, modelOf: ModelOf, parameter: string): void => {
  const [fields, order, ...rest] = path.split(':');
  if (rest.length > 0 || (order !== undefined && !ORDER.test(order.trim())))
    refuse(parameter, `"${path}" is not field:asc or field:desc`);
  let current = uid;
  const names = fields.trim().split('.');
  if (names.length === 1 && names[0] === 'status' && sortsByStatus(modelOf(uid))) return;
  names.forEach((name, index) => {
    const attribute = ownAttribute(modelOf(current)?.attributes, name);
    if (!attribute) refuse(parameter, `no field "${name}" to sort by`);
    const target = relationTarget(attribute!);
    if (index < names.length - 1) {
      if (!target) refuse(parameter, `"${name}" has no fields of its own to sort by`);
      current = target!;
    } else if (target) refuse(parameter, `"${name}" is a relation: sort by one of its fields`);
  });
};

/** `sort`: `field:order`, comma-separated or listed, or `{ field: order }`, nested for relations. */
const checkSort = (sort: unknown, uid: string, modelOf: ModelOf, parameter: string): void => {
  if (typeof sort === 'string')
    return sort.split(',').forEach((path) => checkSortPath(path, uid, modelOf, parameter));
  if (Array.isArray(sort))
    return sort.forEach((entry, index) => checkSort(entry, uid, modelOf, `${parameter}[${index}]`));
  if (!isRecord(sort)) return refuse(parameter, 'expected field:asc or field:desc');
  for (const [name, order] of Object.entries(sort)) {
    const at = `${parameter}.${name}`;
    if (
      name === 'status' &&
      sortsByStatus(modelOf(uid)) &&
      typeof order === 'string' &&
      ORDER.test(order)
    )
      continue;
    const attribute = ownAttribute(modelOf(uid)?.attributes, name);
    if (!attribute) refuse(at, 'no such field to sort by');
    const target = relationTarget(attribute!);
    if (target && isRecord(order)) checkSort(order, target, modelOf, at);
    else if (target || typeof order !== 'string' || !ORDER.test(order))
      refuse(at, 'expected asc or desc');
  }
};

/** `fields`: names of the model's own fields (query-builder.ts processSelect), listed or comma-separated. */
const checkFields = (fields: unknown, uid: string, modelOf: ModelOf, parameter: string): void => {
  const names =
    typeof fields === 'string'
      ? fields.split(',')
      : Array.isArray(fields)
        ? fields
        : refuse(parameter, 'expected field names');
  names.forEach((name, index) => {
    // Our own code may select with a raw expression; a request can only send text.
    if (name !== null && typeof name === 'object' && !Array.isArray(name) && !isRecord(name))
      return;
    const at = Array.isArray(fields) ? `${parameter}[${index}]` : parameter;
    if (typeof name !== 'string') refuse(at, 'expected a field name');
    const attribute = ownAttribute(modelOf(uid)?.attributes, (name as string).trim());
    if (name !== '*' && !attribute) refuse(at, `no field "${name}"`);
    if (attribute && relationTarget(attribute)) refuse(at, `"${name}" is a relation: use populate`);
  });
};

type PopulatedEntry = { entry: Record<string, unknown>; uid: string; parameter: string };

/**
 * Each entry of what a read populates that can carry `filters`, `fields` and `sort` (populate.ts
 * reads them as where.ts, query-builder.ts and order-by.ts do), at every level: a relation's, a
 * component's, a file's, a dynamic zone fragment's.
 */
const populatedEntries = (
  populate: unknown,
  uid: string,
  modelOf: ModelOf,
  parameter: string,
): PopulatedEntry[] => {
  if (!isRecord(populate)) return [];
  return Object.entries(populate).flatMap(([name, entry]): PopulatedEntry[] => {
    if (!isRecord(entry)) return [];
    const at = `${parameter}.${name}`;
    const attribute = ownAttribute(modelOf(uid)?.attributes, name);
    const target = attribute ? relationTarget(attribute) : null;
    const fragments = isRecord(entry.on)
      ? Object.entries(entry.on).filter(
          ([fragment, nested]) => isRecord(nested) && modelOf(fragment),
        )
      : [];
    return [
      ...(target
        ? [
            { entry, uid: target, parameter: at },
            ...populatedEntries(entry.populate, target, modelOf, `${at}.populate`),
          ]
        : []),
      ...fragments.flatMap(([fragment, nested]) => [
        {
          entry: nested as Record<string, unknown>,
          uid: fragment,
          parameter: `${at}.on.${fragment}`,
        },
        ...populatedEntries(
          (nested as Record<string, unknown>).populate,
          fragment,
          modelOf,
          `${at}.on.${fragment}.populate`,
        ),
      ]),
    ];
  });
};

/** The parameters of a Document Service call, checked before anything reads them. */
export const checkQueryShape = (
  modelOf: ModelOf,
  uid: string,
  params: Record<string, unknown>,
): void => {
  if (params.fields !== undefined && params.fields !== null)
    checkFields(params.fields, uid, modelOf, 'fields');
  if (params.filters !== undefined && params.filters !== null)
    checkFilters(params.filters, uid, modelOf, 'filters');
  if (params.sort !== undefined && params.sort !== null && params.sort !== '')
    checkSort(params.sort, uid, modelOf, 'sort');
  if (params._q !== undefined && params._q !== null && typeof params._q !== 'string')
    refuse('_q', 'expected text to search for');
  if (typeof params._q === 'string' && params._q.includes(NUL)) refuse('_q', NUL_REFUSED);
  // The locale becomes a condition on the locale column after this middleware.
  const { locale } = params;
  if (
    locale !== undefined &&
    locale !== null &&
    typeof locale !== 'string' &&
    !(Array.isArray(locale) && locale.every((code) => typeof code === 'string'))
  ) {
    refuse('locale', 'expected a locale code, e.g. zh-CN');
  }
  if ([locale].flat().some((code) => typeof code === 'string' && code.includes(NUL)))
    refuse('locale', NUL_REFUSED);
};

const modelsOf =
  (strapi: Core.Strapi): ModelOf =>
  (uid) =>
    strapi.db.metadata.has(uid) ? strapi.db.metadata.get(uid) : undefined;

/** The Document Service middleware: outermost, so no other rule reads a malformed query, and none a top-level list. */
export const wellFormedQueries = (strapi: Core.Strapi): DocumentMiddleware => {
  const modelOf = modelsOf(strapi);
  return async ({ uid, params }, next) => {
    checkQueryShape(modelOf, uid, params ?? {});
    // A list at the top means all of them (where.ts); the Document Service spreads its own
    // conditions (locale, status) into `filters`, which turned a list into fields named 0, 1, …,
    // and the populate of a component or a file read a list of its own as a 500.
    if (Array.isArray(params?.filters)) params.filters = allOf(...params.filters);
    // What a read populates, checked (its filters, fields and sort) and its filters rewritten the
    // same way, in one walk (database reads pass no populate).
    for (const { entry, uid: target, parameter } of populatedEntries(
      params?.populate,
      uid,
      modelOf,
      'populate',
    )) {
      if (entry.fields !== undefined && entry.fields !== null)
        checkFields(entry.fields, target, modelOf, `${parameter}.fields`);
      if (entry.sort !== undefined && entry.sort !== null && entry.sort !== '')
        checkSort(entry.sort, target, modelOf, `${parameter}.sort`);
      if (entry.filters === undefined || entry.filters === null) continue;
      checkFilters(entry.filters, target, modelOf, `${parameter}.filters`);
      if (Array.isArray(entry.filters)) entry.filters = allOf(...entry.filters);
    }
    return next();
  };
};

/**
 * The same check where reads reach the database (`strapi.db.query`), for the routes that query
 * it without the Document Service: the media library's listing, admin users, plugins. Subscribed
 * before every other database lifecycle of ours, so none of them runs a malformed query either.
 */
export const wellFormedDatabaseReads = (strapi: Core.Strapi): void => {
  const modelOf = modelsOf(strapi);
  const check = ({
    model,
    params,
  }: {
    model: { uid: string };
    params?: { where?: unknown; orderBy?: unknown; select?: unknown; _q?: unknown };
  }) => {
    if (params)
      checkQueryShape(modelOf, model.uid, {
        filters: params.where,
        sort: params.orderBy,
        fields: params.select,
        _q: params._q,
      });
  };
  strapi.db.lifecycles.subscribe({
    beforeFindMany: check,
    beforeFindOne: check,
    beforeCount: check,
  });
};

/** A content-type or component attribute, as `populate` follows it. */
type PopulatedAttribute = { type: string; target?: string; relation?: string; component?: string };
export type SchemaOf = (
  uid: string,
) => { attributes: Record<string, PopulatedAttribute> } | undefined;

/** The model an attribute's own `populate` is read against, or null (a dynamic zone: per fragment). */
const populatedModel = (attribute: PopulatedAttribute): string | null => {
  if (attribute.type === 'media') return 'plugin::upload.file';
  if (attribute.type === 'component') return attribute.component ?? null;
  if (attribute.type === 'relation' && !attribute.relation?.startsWith('morph'))
    return attribute.target ?? null;
  return null;
};

/** `on`: fragments per component (a dynamic zone) or type (a polymorphic relation), nowhere else. */
const checkFragments = (
  schemaOf: SchemaOf,
  attribute: PopulatedAttribute,
  fragments: unknown,
  parameter: string,
): void => {
  const fragmented =
    attribute.type === 'dynamiczone' ||
    (attribute.type === 'relation' && attribute.relation?.startsWith('morph') === true);
  if (!fragmented)
    refuse(parameter, 'fragments (on) are for dynamic zones and polymorphic relations only');
  if (!isRecord(fragments)) refuse(parameter, 'expected { "<component uid>": { … } }');
  for (const [uid, entry] of Object.entries(fragments as Record<string, unknown>)) {
    if (!schemaOf(uid)) refuse(`${parameter}.${uid}`, `no component or type "${uid}"`);
    if (isRecord(entry) && entry.populate !== undefined)
      checkPopulate(schemaOf, uid, entry.populate, `${parameter}.${uid}.populate`);
  }
};

/**
 * `populate` as an object: each key a field of the model that can be populated, each value
 * `true`, `*` or options whose own `populate` follows the field's model. (Text and lists of
 * names are Strapi's to check.) The admin panel's permission sanitiser read a fragment (`on`)
 * anywhere but a dynamic zone as a model and threw (a 500).
 */
export const checkPopulate = (
  schemaOf: SchemaOf,
  uid: string,
  populate: unknown,
  parameter = 'populate',
): void => {
  if (!isRecord(populate)) return;
  for (const [name, entry] of Object.entries(populate)) {
    if (name === '*') continue;
    const at = `${parameter}.${name}`;
    const attribute = ownAttribute(schemaOf(uid)?.attributes, name);
    if (!attribute) return refuse(at, `no field "${name}" to populate`);
    if (!isRecord(entry)) continue;
    if (entry.on !== undefined) checkFragments(schemaOf, attribute, entry.on, `${at}.on`);
    const target = populatedModel(attribute);
    if (entry.populate !== undefined && target !== null)
      checkPopulate(schemaOf, target, entry.populate, `${at}.populate`);
  }
};
