/** Minimal builders for Strapi's `blocks` rich text, so demo bodies read like prose. */
export type TextNode = { type: 'text'; text: string; bold?: boolean };
export type Block =
  | { type: 'paragraph'; children: TextNode[] }
  | { type: 'heading'; level: 2 | 3; children: TextNode[] }
  | { type: 'quote'; children: TextNode[] }
  | {
      type: 'list';
      format: 'unordered' | 'ordered';
      children: Array<{ type: 'list-item'; children: TextNode[] }>;
    };

const text = (value: string): TextNode[] => [{ type: 'text', text: value }];

export const paragraph = (value: string): Block => ({ type: 'paragraph', children: text(value) });
export const heading = (value: string): Block => ({
  type: 'heading',
  level: 2,
  children: text(value),
});
export const quote = (value: string): Block => ({ type: 'quote', children: text(value) });
export const bullets = (items: string[]): Block => ({
  type: 'list',
  format: 'unordered',
  children: items.map((item) => ({ type: 'list-item', children: text(item) })),
});
