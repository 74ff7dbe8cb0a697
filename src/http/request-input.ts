/**
 * What no route may be given, checked where every request passes (query-names.ts and
 * body-shape.ts in src/middlewares, the GraphQL plugin's variables): a key that is a built-in
 * property name, and JSON nested deeper than any valid save.
 */

/** Names every object answers to without declaring them: as a key they name no field. */
export const BUILT_IN_PROPERTY_NAMES: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  '__proto__',
  'prototype',
]);

const decoded = (text: string): string => {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
};

/** The parts of a query parameter's name as qs reads them: `filters[title][$eq]` is filters, title, $eq. */
const nameParts = (name: string): string[] => name.split(/[[\]]+/).filter((part) => part !== '');

/** Parameters whose values are field names: `fields`, `sort`, at the top or inside `populate`. */
const NAMES_FIELDS = new Set(['fields', 'sort']);

/**
 * The first query parameter with a built-in property name where a field name goes: in its name
 * (`filters[constructor]`), which Strapi's parser (qs) drops without a word, so
 * `filters[toString]=x` answered 200 with everything; or in the value of one that lists field
 * names (`sort=valueOf`, `populate[cover][fields][0]=constructor`), which the admin panel's
 * sanitiser drops the same way. Found in the raw query string, on every route.
 */
export const builtInQueryName = (query: string): { parameter: string; name: string } | null => {
  if (query === '') return null;
  for (const pair of query.split('&')) {
    const separator = pair.indexOf('=');
    const parameter = decoded(separator < 0 ? pair : pair.slice(0, separator));
    const parts = nameParts(parameter);
    const inName = parts.find((part) => BUILT_IN_PROPERTY_NAMES.has(part));
    if (inName !== undefined) return { parameter, name: inName };
    if (separator < 0 || !parts.some((part) => NAMES_FIELDS.has(part))) continue;
    const inValue = decoded(pair.slice(separator + 1))
      .split(/[\s,:.]+/)
      .find((part) => BUILT_IN_PROPERTY_NAMES.has(part));
    if (inValue !== undefined) return { parameter, name: inValue };
  }
  return null;
};

/** A segment of a request's path that is a built-in property name (`/content-manager/relations/constructor/…`): routes read their parameters as keys of registries. */
export const builtInPathSegment = (path: string): string | null =>
  path
    .split('/')
    .map(decoded)
    .find((segment) => BUILT_IN_PROPERTY_NAMES.has(segment)) ?? null;

export type JsonProblem = { path: string; problem: 'too-deep' | 'built-in-name'; name?: string };

const isContainer = (value: unknown): value is object =>
  value !== null && typeof value === 'object';

/**
 * Whether parsed JSON is nested deeper than `maxDepth` (the body itself is depth 1) or has a key
 * that is a built-in property name, found without recursion: a body thousands of levels deep
 * must not overflow the stack of the check meant to refuse it.
 */
export const jsonProblem = (
  value: unknown,
  maxDepth: number,
  root = 'body',
): JsonProblem | null => {
  if (!isContainer(value)) return null;
  const stack: Array<{ node: object; depth: number; path: string }> = [
    { node: value, depth: 1, path: root },
  ];
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop()!;
    if (depth > maxDepth) return { path, problem: 'too-deep' };
    for (const key of Object.keys(node)) {
      if (!Array.isArray(node) && BUILT_IN_PROPERTY_NAMES.has(key))
        return { path: `${path}.${key}`, problem: 'built-in-name', name: key };
      const child: unknown = (node as Record<string, unknown>)[key];
      if (isContainer(child))
        stack.push({
          node: child,
          depth: depth + 1,
          path: Array.isArray(node) ? `${path}[${key}]` : `${path}.${key}`,
        });
    }
  }
  return null;
};

/**
 * The same of a form's fields that hold JSON (the Content API's multipart `data`, the media
 * library's `fileInfo`): Strapi parses them after every middleware has run.
 */
export const formJsonProblem = (
  fields: Record<string, unknown>,
  maxDepth: number,
): JsonProblem | null => {
  for (const [name, given] of Object.entries(fields)) {
    for (const text of [given].flat()) {
      if (typeof text !== 'string' || !/^\s*[[{]/.test(text)) continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        continue; // Not JSON after all: the route says what it expected.
      }
      const problem = jsonProblem(parsed, maxDepth, `body.${name}`);
      if (problem) return problem;
    }
  }
  return null;
};

/** The words of a refusal of `jsonProblem`'s, naming where. */
export const jsonProblemMessage = (
  { path, problem, name }: JsonProblem,
  maxDepth: number,
): string =>
  problem === 'too-deep'
    ? `Invalid ${path}: nested deeper than ${maxDepth} levels (BODY_MAX_DEPTH)`
    : `Invalid ${path}: "${name}" is a built-in property name, not a field`;

/** Above the deepest valid save: rich text's lists nested as deep as a save may (rich-text-depth.ts), inside a component, inside `data`. */
export const DEFAULT_BODY_MAX_DEPTH = 64;
