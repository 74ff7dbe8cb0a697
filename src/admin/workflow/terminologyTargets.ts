// No DOM here: the unit tests (tests/unit/terminology-targets.test.ts) run it in Node.
import type { TerminologyHit } from '../../workflow/contracts';

/**
 * Where a terminology hit sits in the edit view, and how to reach it: the server names it by
 * the path of the text in the saved content (`body[1].children[0]`, `digest`, `seo.metaTitle`)
 * with the offsets in that text. The form may hold unsaved edits since, so every step checks
 * the words are still there and otherwise looks for them nearby.
 */

type Key = string | number;
type SlateNode = { type?: string; text?: string; children?: SlateNode[] };

/** `body[1].children[0]` → ['body', 1, 'children', 0]. */
export const pathKeys = (field: string): Key[] =>
  [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map(([, name, index]) =>
    index !== undefined ? Number(index) : name,
  );

const isBlocksValue = (value: unknown): value is SlateNode[] =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every(
    (node) =>
      node !== null &&
      typeof node === 'object' &&
      'type' in node &&
      Array.isArray((node as SlateNode).children),
  );

/** The form's name of a field: `pillars[0].text` → `pillars.0.text` (how Strapi's form names inputs). */
const formName = (keys: readonly Key[]) => keys.join('.');

export type HitTarget =
  /** A plain-text input or textarea, named as in the form. */
  | { kind: 'text'; name: string }
  /** A text leaf of a rich-text (blocks) field: the form field and the leaf's path inside its blocks. */
  | { kind: 'blocks'; name: string; leaf: number[] };

/** What kind of field a hit is in, read from the form's values (a blocks field is an array of Slate nodes). */
export const targetOf = (hit: TerminologyHit, values: unknown): HitTarget => {
  const keys = pathKeys(hit.field);
  let value: unknown = values;
  for (let at = 0; at < keys.length; at += 1) {
    if (isBlocksValue(value) && at > 0) {
      return {
        kind: 'blocks',
        name: formName(keys.slice(0, at)),
        leaf: keys.slice(at).filter((key): key is number => typeof key === 'number'),
      };
    }
    value =
      value !== null && typeof value === 'object'
        ? (value as Record<Key, unknown>)[keys[at]]
        : undefined;
  }
  return { kind: 'text', name: formName(keys) };
};

/** Where the hit's words are in `text` now: at the saved offsets if unchanged, else the occurrence nearest to them. */
export const spanIn = (
  text: string,
  hit: Pick<TerminologyHit, 'pattern' | 'start'>,
): { start: number; end: number } | null => {
  if (text.slice(hit.start, hit.start + hit.pattern.length) === hit.pattern)
    return { start: hit.start, end: hit.start + hit.pattern.length };
  let best = -1;
  for (let at = text.indexOf(hit.pattern); at >= 0; at = text.indexOf(hit.pattern, at + 1)) {
    if (best < 0 || Math.abs(at - hit.start) < Math.abs(best - hit.start)) best = at;
  }
  return best < 0 ? null : { start: best, end: best + hit.pattern.length };
};

const getIn = (value: unknown, keys: readonly Key[]): unknown =>
  keys.reduce<unknown>(
    (node, key) =>
      node !== null && typeof node === 'object' ? (node as Record<Key, unknown>)[key] : undefined,
    value,
  );

/**
 * The form value after 一键替换: the hit's words replaced by the rule's suggestion, or null when
 * the words are no longer in that text (edited since the check). Returns the field to set.
 */
export const replacedValue = (
  hit: TerminologyHit,
  values: unknown,
): { name: string; value: unknown } | null => {
  if (!hit.suggestion) return null;
  const target = targetOf(hit, values);
  const current = getIn(
    values,
    target.name.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key)),
  );
  if (target.kind === 'text') {
    if (typeof current !== 'string') return null;
    const span = spanIn(current, hit);
    return span
      ? {
          name: target.name,
          value: current.slice(0, span.start) + hit.suggestion + current.slice(span.end),
        }
      : null;
  }
  if (!isBlocksValue(current)) return null;
  // A copy along the leaf's path only; the other blocks keep their identity.
  const blocks = [...current];
  let siblings: SlateNode[] = blocks;
  for (const [depth, index] of target.leaf.entries()) {
    const node = siblings[index];
    if (!node) return null;
    if (depth === target.leaf.length - 1) {
      if (typeof node.text !== 'string') return null;
      const span = spanIn(node.text, hit);
      if (!span) return null;
      siblings[index] = {
        ...node,
        text: node.text.slice(0, span.start) + hit.suggestion + node.text.slice(span.end),
      };
    } else {
      const copy: SlateNode = { ...node, children: [...(node.children ?? [])] };
      siblings[index] = copy;
      siblings = copy.children ?? [];
    }
  }
  return { name: target.name, value: blocks };
};
