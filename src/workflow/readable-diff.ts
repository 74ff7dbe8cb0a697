import stringify from 'safe-stable-stringify';
import { diffArrays } from 'diff';
import type { Core, UID } from '@strapi/strapi';
import { FIELD_LABELS } from '../i18n/field-labels';
import type { MediaRef, ReadableChange, TextChange } from './contracts';

// Chinese has no spaces between words: ICU's dictionary segmenter finds them (学习|中华|人民|共和国).
const wordSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });
export const wordsOf = (text: string): string[] =>
  Array.from(wordSegmenter.segment(text), (part) => part.segment);

// Beyond this many inserted or deleted words, a text is shown as replaced: the diff's work grows
// with the length times the edits, and it runs on the one event loop.
const MAX_WORD_EDITS = 4000;

/** Inserted and deleted words between two texts, runs of the same kind merged; a text rewritten wholesale as replaced. */
export const diffWords = (before: string, after: string): TextChange[] => {
  const parts = diffArrays(wordsOf(before), wordsOf(after), { maxEditLength: MAX_WORD_EDITS });
  if (!parts)
    return [
      { op: 'delete', text: before },
      { op: 'insert', text: after },
    ];
  return parts.map((part) => ({
    op: part.added ? 'insert' : part.removed ? 'delete' : 'equal',
    text: part.value.join(''),
  }));
};

type Block = {
  type?: string;
  text?: string;
  children?: Block[];
  image?: { name?: string; alternativeText?: string };
};

/** Rich text (Strapi blocks) as the reader reads it: a line per paragraph, heading or list item. */
export const plainTextOfBlocks = (blocks: unknown): string => {
  const lines: string[] = [];
  const inline = (node: Block): string =>
    node.type === 'text' ? (node.text ?? '') : (node.children ?? []).map(inline).join('');
  const walk = (node: Block) => {
    if (node.type === 'list') return (node.children ?? []).forEach(walk);
    if (node.type === 'image')
      return lines.push(
        `[图片 ${node.image?.alternativeText || node.image?.name || ''}]`.replace(' ]', ']'),
      );
    lines.push(inline(node));
  };
  if (Array.isArray(blocks)) (blocks as Block[]).forEach(walk);
  return lines.join('\n');
};

type Attribute = {
  type: string;
  target?: string;
  component?: string;
  repeatable?: boolean;
  multiple?: boolean;
};
type Model = { uid: string; attributes: Record<string, Attribute> };

/** Names of documents, in the locale being reviewed when they have it, for relations shown by name, not id. */
const namesOf = async (
  strapi: Core.Strapi,
  target: UID.ContentType,
  documentIds: string[],
  locale: string,
): Promise<Map<string, string>> => {
  if (documentIds.length === 0) return new Map();
  const attributes = strapi.contentType(target).attributes as Record<string, Attribute>;
  const nameField = ['title', 'name', 'username', 'email'].find((field) => field in attributes);
  if (!nameField) return new Map();
  const rows: Array<Record<string, string>> = await strapi.db.query(target).findMany({
    where: { documentId: { $in: documentIds } },
    select: ['documentId', nameField, ...('locale' in attributes ? ['locale'] : [])],
  });
  const names = new Map<string, string>();
  for (const row of rows)
    if (!names.has(row.documentId) || row.locale === locale)
      names.set(row.documentId, row[nameField]);
  return names;
};

const mediaOf = async (
  strapi: Core.Strapi,
  documentIds: string[],
): Promise<Map<string, MediaRef>> => {
  if (documentIds.length === 0) return new Map();
  const files: Array<{
    documentId: string;
    name: string;
    url: string;
    formats?: Record<string, { url: string }> | null;
  }> = await strapi.db.query('plugin::upload.file').findMany({
    where: { documentId: { $in: documentIds } },
    select: ['documentId', 'name', 'url', 'formats'],
  });
  return new Map(
    files.map((file) => [
      file.documentId,
      {
        documentId: file.documentId,
        name: file.name,
        thumbnailUrl: file.formats?.thumbnail?.url ?? file.url ?? null,
      },
    ]),
  );
};

const asList = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === null || value === undefined ? [] : [value]).map(String);

/**
 * One field of normalised content as words: relations and media by name, booleans and channels
 * in words, components as `label：value` lines.
 */
const inWords = async (
  strapi: Core.Strapi,
  model: Model,
  field: string,
  value: unknown,
  locale: string,
): Promise<string> => {
  const attribute = model.attributes[field];
  if (value === null || value === undefined) return '';
  switch (attribute?.type) {
    case 'blocks':
      return plainTextOfBlocks(value);
    case 'boolean':
      return value ? '是' : '否';
    case 'relation': {
      const ids = asList(value);
      const names = await namesOf(strapi, attribute.target as UID.ContentType, ids, locale);
      return ids.map((id) => names.get(id) ?? id).join('、');
    }
    case 'media': {
      const ids = asList(value);
      const files = await mediaOf(strapi, ids);
      return ids.map((id) => files.get(id)?.name ?? id).join('、');
    }
    case 'component': {
      const component: Model = {
        uid: attribute.component as string,
        attributes: strapi.components[attribute.component as UID.Component].attributes,
      };
      const labels = FIELD_LABELS[component.uid as UID.Component] ?? {};
      const items = (attribute.repeatable ? value : [value]) as Array<Record<string, unknown>>;
      // A component of booleans only (the channels) reads as the list of those switched on.
      if (Object.values(component.attributes).every((inner) => inner.type === 'boolean')) {
        return Object.keys(component.attributes)
          .filter((name) => items[0]?.[name] === true)
          .map((name) => labels[name]?.label ?? name)
          .join('、');
      }
      const lines = await Promise.all(
        items.map(async (item) => {
          const parts = await Promise.all(
            Object.keys(component.attributes).map(async (name) => [
              labels[name]?.label ?? name,
              await inWords(strapi, component, name, item[name], locale),
            ]),
          );
          return parts
            .filter(([, text]) => text !== '')
            .map(([label, text]) => `${label}：${text}`)
            .join('；');
        }),
      );
      return lines.join('\n');
    }
    default:
      return typeof value === 'string' ? value : (stringify(value) ?? '');
  }
};

/**
 * What changed between two normalised versions of a document locale, field by field in schema
 * order, each as words inserted and deleted; media also by thumbnail.
 */
export const readableChanges = async (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  locale: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): Promise<ReadableChange[]> => {
  const model: Model = {
    uid,
    attributes: strapi.contentType(uid).attributes,
  };
  const changes: ReadableChange[] = [];
  for (const field of Object.keys(after)) {
    const [old, now] = [before?.[field] ?? null, after[field] ?? null];
    if (stringify(old) === stringify(now)) continue;
    const [oldText, newText] = await Promise.all([
      inWords(strapi, model, field, old, locale),
      inWords(strapi, model, field, now, locale),
    ]);
    if (before === null && newText === '') continue; // a first version: empty fields are not worth a look
    const kind = oldText === '' ? 'added' : newText === '' ? 'removed' : 'changed';
    const change: ReadableChange = {
      field,
      label: FIELD_LABELS[uid]?.[field]?.label ?? field,
      kind,
      text: diffWords(oldText, newText),
    };
    if (model.attributes[field]?.type === 'media') {
      const files = await mediaOf(strapi, [...asList(old), ...asList(now)]);
      const refs = (value: unknown) => asList(value).flatMap((id) => files.get(id) ?? []);
      change.media = { before: refs(old), after: refs(now) };
    }
    changes.push(change);
  }
  return changes;
};
