// A Chinese character (Han script) is a word of its own, as 字数 is counted in Chinese publishing.
const HAN = /\p{Script=Han}/gu;
// A run of letters or digits is one word ("Party", "2026", "5G"); an inner apostrophe or hyphen keeps it one ("don't", "Party-building").
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/**
 * 字数 of a text: each Chinese character counts one, each Latin word (or number) counts one;
 * punctuation, spaces and emoji count nothing. "2026年党建工作" is 1 + 5 = 6.
 */
export const wordCount = (text: string): number => {
  const han = text.match(HAN)?.length ?? 0;
  const words = text.replace(HAN, ' ').match(WORD)?.length ?? 0;
  return han + words;
};

const isInline = (node: unknown): boolean =>
  typeof node === 'object' &&
  node !== null &&
  ['text', 'link'].includes(String((node as { type?: unknown }).type));

/** The text of a rich-text body: blocks as the content manager edits them (paragraphs apart), or a plain string. */
export const bodyText = (body: unknown): string => {
  if (typeof body === 'string') return body;
  if (!Array.isArray(body)) return '';
  const walk = (node: unknown): string => {
    if (typeof node !== 'object' || node === null) return '';
    const { text, children } = node as { text?: unknown; children?: unknown };
    if (typeof text === 'string') return text;
    if (!Array.isArray(children)) return '';
    // Blocks (list items) are kept apart, so the last word of one does not run into the next; inline pieces are not.
    return children.map(walk).join(children.every(isInline) ? '' : '\n');
  };
  return body.map(walk).join('\n');
};
