import * as React from 'react';
import type { TerminologyHit } from './workflow-api';

const EDITORS = '[data-slate-editor="true"]';
const NAMES = { block: 'brand-cms-terminology-block', warn: 'brand-cms-terminology-warn' } as const;
const STYLE_ID = 'brand-cms-terminology-highlights';

/** The wording a hit found, as it stands in the text. */
const foundWords = (hit: TerminologyHit) =>
  hit.sentence.slice(hit.sentenceStart, hit.sentenceStart + hit.pattern.length);

/** Every occurrence of `words` in the text of the rich-text editors, as ranges. */
const rangesOf = (words: string): Range[] => {
  const ranges: Range[] = [];
  for (const editor of Array.from(document.querySelectorAll(EDITORS))) {
    const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + words.length)) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + words.length);
        ranges.push(range);
      }
    }
  }
  return ranges;
};

/**
 * Marks the terminology hits inside Strapi's rich-text (blocks) editors, red for blocking
 * wordings and amber for warnings, as the editor types. Through the CSS Custom Highlight API:
 * the editor's own DOM (Slate's) is never touched. Where a browser lacks it, the panel's quotes remain.
 */
export const useTerminologyHighlights = (hits: readonly TerminologyHit[] | undefined): void => {
  React.useEffect(() => {
    const registry = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS?.highlights;
    if (!registry || typeof Highlight === 'undefined' || !hits || hits.length === 0)
      return undefined;
    if (!document.getElementById(STYLE_ID)) {
      const style = document.createElement('style');
      style.id = STYLE_ID;
      style.textContent = `::highlight(${NAMES.block}){background-color:#fcecea;color:#b72b1a;text-decoration:underline wavy #d02b20}::highlight(${NAMES.warn}){background-color:#fdf4dc;text-decoration:underline wavy #be5d01}`;
      document.head.append(style);
    }
    const words = (severity: 'block' | 'warn') =>
      [...new Set(hits.filter((hit) => hit.severity === severity).map(foundWords))].filter(Boolean);
    const mark = () => {
      for (const severity of ['block', 'warn'] as const)
        registry.set(NAMES[severity], new Highlight(...words(severity).flatMap(rangesOf)));
    };
    mark();
    // Again as the text changes (typing, the form loading a version: Slate re-renders its text
    // nodes), at most once a frame however many changes the frame brought.
    let frame = 0;
    const observer = new MutationObserver(() => {
      if (frame === 0)
        frame = requestAnimationFrame(() => {
          frame = 0;
          mark();
        });
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      registry.delete(NAMES.block);
      registry.delete(NAMES.warn);
    };
  }, [hits]);
};
