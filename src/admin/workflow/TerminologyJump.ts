import { spanIn, targetOf } from './terminologyTargets';
import type { TerminologyHit } from './workflow-api';

/** Reaching a terminology hit in the edit view: its words scrolled to and selected (terminologyTargets.ts says where they are). */

/** The input or textarea of a plain-text field, by its form name. */
export const textInputOf = (name: string): HTMLInputElement | HTMLTextAreaElement | null =>
  document.querySelector<HTMLInputElement | HTMLTextAreaElement>(
    `input[name="${CSS.escape(name)}"], textarea[name="${CSS.escape(name)}"]`,
  );

const SLATE_EDITOR = '[data-slate-editor="true"]';

/** The Slate nodes directly under `parent` (elements or texts), in order, however deep the wrappers around them. */
const slateChildren = (parent: Element): Element[] =>
  Array.from(parent.querySelectorAll('[data-slate-node]')).filter(
    (node) => node.parentElement?.closest(`[data-slate-node], ${SLATE_EDITOR}`) === parent,
  );

/** The DOM text nodes of a Slate text leaf, without Slate's zero-width placeholders. */
const textNodesOf = (leaf: Element): Text[] => {
  const found: Text[] = [];
  const walker = document.createTreeWalker(leaf, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest('[data-slate-zero-width]')) found.push(node as Text);
  }
  return found;
};

/** A DOM range over characters `start`..`end` of the text spread over `nodes`. */
const rangeOver = (nodes: readonly Text[], start: number, end: number): Range | null => {
  const range = document.createRange();
  let offset = 0;
  let started = false;
  for (const node of nodes) {
    const length = node.data.length;
    if (!started && start <= offset + length) {
      range.setStart(node, start - offset);
      started = true;
    }
    if (started && end <= offset + length) {
      range.setEnd(node, end - offset);
      return range;
    }
    offset += length;
  }
  return null;
};

/** The DOM range of the hit's words in the rich-text editors: at its leaf if found there, else its first occurrence anywhere. */
export const blocksRangeOf = (hit: TerminologyHit, leaf: readonly number[]): Range | null => {
  for (const editor of Array.from(document.querySelectorAll(SLATE_EDITOR))) {
    let node: Element | undefined = editor;
    for (const index of leaf) node = node ? slateChildren(node)[index] : undefined;
    if (node?.getAttribute('data-slate-node') === 'text') {
      const nodes = textNodesOf(node);
      const span = spanIn(nodes.map((text) => text.data).join(''), hit);
      const range = span && rangeOver(nodes, span.start, span.end);
      if (range) return range;
    }
  }
  for (const editor of Array.from(document.querySelectorAll(SLATE_EDITOR))) {
    for (const text of Array.from(editor.querySelectorAll('[data-slate-node="text"]'))) {
      const nodes = textNodesOf(text);
      const at = nodes
        .map((node) => node.data)
        .join('')
        .indexOf(hit.pattern);
      const range = at >= 0 ? rangeOver(nodes, at, at + hit.pattern.length) : null;
      if (range) return range;
    }
  }
  return null;
};

/**
 * Scrolls to the hit's words in the editor and selects them. Returns false when they are not
 * on the page (the field is not shown, or the words were edited away).
 */
export const jumpToHit = (hit: TerminologyHit, values: unknown): boolean => {
  const target = targetOf(hit, values);
  if (target.kind === 'text') {
    const input = textInputOf(target.name);
    const span = input ? spanIn(input.value, hit) : null;
    if (!input || !span) return false;
    input.scrollIntoView({ block: 'center' });
    input.focus({ preventScroll: true });
    input.setSelectionRange(span.start, span.end);
    return true;
  }
  const range = blocksRangeOf(hit, target.leaf);
  if (!range) return false;
  const editable = range.startContainer.parentElement?.closest<HTMLElement>(SLATE_EDITOR);
  range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  // Focused first: Slate takes the DOM selection over as its own while it has the focus.
  editable?.focus({ preventScroll: true });
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  return true;
};
