import AhoCorasick from 'modern-ahocorasick';
import type { Core, UID } from '@strapi/strapi';
import { WORKFLOW_UID } from '../constants';
import { FIELD_LABELS } from '../i18n/field-labels';
import type { TerminologyHit, TerminologyRule } from './contracts';
import { STARTER_RULES, STARTER_RULES_VERSION } from './terminology-starter-rules';

export type { TerminologyHit, TerminologyRule };

export { STARTER_RULES };

/**
 * All rules compiled into one Aho–Corasick automaton: one pass over the text, however many
 * thousands of rules there are. Immutable; build a new one when rules change.
 */
export class TerminologyMatcher {
  private readonly automaton: AhoCorasick | null;

  constructor(private readonly rules: readonly TerminologyRule[]) {
    this.automaton = rules.length > 0 ? new AhoCorasick(rules.map((rule) => rule.pattern)) : null;
  }

  check(field: string, text: string, place = field): TerminologyHit[] {
    if (!this.automaton || text.length === 0) return [];
    return this.automaton.search(text).map(({ patternIndex, start, end }) => ({
      ...this.rules[patternIndex],
      field,
      place,
      start,
      end,
      excerpt: text.slice(Math.max(0, start - 10), Math.min(text.length, end + 10)),
      ...sentenceAround(text, start, end),
    }));
  }
}

// Where a Chinese or English sentence ends; a line break ends one too.
const SENTENCE_END = /[。！？!?；;\n]/;
const SENTENCE_REACH = 120;
/** The hits reported for one document: blocking ones first, so a cut never hides what stops a submit. */
export const MAX_REPORTED_HITS = 200;

/**
 * The sentence a hit sits in, for a reviewer to read it where it stands (not `body[1]`), and
 * where the hit is within it.
 */
export const sentenceAround = (
  text: string,
  start: number,
  end: number,
): { sentence: string; sentenceStart: number } => {
  // A sentence is read at most SENTENCE_REACH characters either side: a text without stops
  // (or made of one pattern repeated) must not make every hit carry, or scan, all of it.
  let from = start;
  while (from > 0 && start - from < SENTENCE_REACH && !SENTENCE_END.test(text[from - 1])) from -= 1;
  let to = end;
  while (to < text.length && to - end < SENTENCE_REACH && !SENTENCE_END.test(text[to - 1] ?? ''))
    to += 1;
  const raw = text.slice(from, to);
  const leading = raw.length - raw.trimStart().length;
  return { sentence: raw.trim(), sentenceStart: start - from - leading };
};

type SchemaAttributes = Record<string, { type: string; component?: string; repeatable?: boolean }>;

/**
 * A path of normalised content in the editors' words: `body[1].children[0]` → 正文 第2段,
 * `pillars[0].text` → 品牌内涵 第1项 说明, `seo.metaTitle` → 搜索引擎优化 页面标题.
 */
export const placeOf = (strapi: Core.Strapi, uid: UID.ContentType, path: string): string => {
  const words: string[] = [];
  let model: { uid: string; attributes: SchemaAttributes } | undefined = {
    uid,
    attributes: strapi.contentType(uid).attributes,
  };
  for (const [, name, index] of path.matchAll(/([^.[\]]+)(?:\[(\d+)\])?/g)) {
    const attribute: SchemaAttributes[string] | undefined = model?.attributes[name];
    if (!model || !attribute) break;
    words.push(FIELD_LABELS[model.uid as UID.ContentType]?.[name]?.label ?? name);
    if (index !== undefined)
      words.push(`第${Number(index) + 1}${attribute.type === 'blocks' ? '段' : '项'}`);
    model =
      attribute.type === 'component' && attribute.component
        ? {
            uid: attribute.component,
            attributes: strapi.components[attribute.component as UID.Component].attributes,
          }
        : undefined;
  }
  return words.length > 0 ? words.join(' ') : path;
};

/** Every piece of text in normalised content, with where it sits, e.g. `body[2]` or `seo.metaTitle`. */
export const textsOf = (value: unknown, path = ''): Array<{ field: string; text: string }> => {
  if (typeof value === 'string') return [{ field: path, text: value }];
  if (Array.isArray(value))
    return value.flatMap((item, index) => textsOf(item, `${path}[${index}]`));
  if (value && typeof value === 'object') {
    const node = value as Record<string, unknown>;
    // Rich-text blocks: text leaves carry the words; types, urls and formats do not.
    if (node.type === 'text' && typeof node.text === 'string')
      return [{ field: path, text: node.text }];
    return Object.entries(node)
      .filter(([key]) => !['type', 'url', 'format', 'level', 'image', '__component'].includes(key))
      .flatMap(([key, child]) => textsOf(child, path ? `${path}.${key}` : key));
  }
  return [];
};

/** The enabled rules as one matcher, rebuilt only when the rules change; held per Strapi instance. */
export const terminologyService = ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: { signature: string; matcher: TerminologyMatcher } | null = null;

  const currentMatcher = async (): Promise<TerminologyMatcher> => {
    const rules = strapi.db.query(WORKFLOW_UID.terminologyRule);
    const [count, latest] = await Promise.all([
      rules.count({ where: { enabled: true } }),
      rules.findOne({ select: ['updatedAt'], orderBy: { updatedAt: 'desc' } }),
    ]);
    const signature = `${count}:${latest?.updatedAt ?? ''}`;
    if (cached?.signature !== signature) {
      const enabled: TerminologyRule[] = await rules.findMany({
        where: { enabled: true },
        select: ['pattern', 'suggestion', 'severity', 'note'],
      });
      cached = { signature, matcher: new TerminologyMatcher(enabled) };
    }
    return cached.matcher;
  };

  return {
    /** Every rule hit in normalised content of a type, with where it sits and its sentence. */
    check: async (
      uid: UID.ContentType,
      content: Record<string, unknown>,
    ): Promise<TerminologyHit[]> => {
      const matcher = await currentMatcher();
      const hits = textsOf(content).flatMap(({ field, text }) =>
        matcher.check(field, text, placeOf(strapi, uid, field)),
      );
      const blocking = hits.filter((hit) => hit.severity === 'block');
      return [...blocking, ...hits.filter((hit) => hit.severity !== 'block')].slice(
        0,
        MAX_REPORTED_HITS,
      );
    },
  };
};

export type TerminologyService = ReturnType<typeof terminologyService>;

// The starter set of the first release, which every database seeded before STARTER_RULES_VERSION 2 got:
// one of these missing there was deleted by an administrator and is not brought back.
const FIRST_STARTER_PATTERNS: ReadonlySet<string> = new Set([
  '中国人民共和国',
  '中华人民共合国',
  '一国两治',
  '香港政府',
  '共产党人员',
  '两学一做学习',
  '不忘出心',
  '牢记使名',
  '台湾总统',
  '党建+',
]);
const starterRulesMarker = (strapi: Core.Strapi) =>
  strapi.store({ type: 'core', name: 'brand-cms', key: 'terminology-starter-rules-version' });

/**
 * Seeds the starter rules into an empty rule table; on a database seeded by an earlier release,
 * adds once the starter rules it has not had yet. Rules are never changed or removed here: the
 * table is the administrators' from the first seed on.
 */
export const ensureStarterRules = async (strapi: Core.Strapi): Promise<void> => {
  const marker = starterRulesMarker(strapi);
  const seededVersion = Number((await marker.get({})) ?? 0);
  if (seededVersion >= STARTER_RULES_VERSION) return;
  const rules = strapi.db.query(WORKFLOW_UID.terminologyRule);
  const existing: Array<{ pattern: string }> = await rules.findMany({ select: ['pattern'] });
  const present = new Set(existing.map((rule) => rule.pattern));
  const missing = STARTER_RULES.filter(
    (rule) =>
      !present.has(rule.pattern) &&
      (existing.length === 0 || !FIRST_STARTER_PATTERNS.has(rule.pattern)),
  );
  for (const rule of missing) {
    await strapi.documents(WORKFLOW_UID.terminologyRule).create({
      data: {
        pattern: rule.pattern,
        suggestion: rule.suggestion ?? undefined,
        severity: rule.severity,
        note: rule.note ?? undefined,
        enabled: true,
      },
    });
  }
  if (existing.length > 0 && missing.length > 0)
    strapi.log.info(`Added ${missing.length} new starter terminology rules`);
  await marker.set({ value: STARTER_RULES_VERSION });
};
