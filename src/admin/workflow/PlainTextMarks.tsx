import * as React from 'react';
import { createPortal } from 'react-dom';
import { useForm } from '@strapi/strapi/admin';
import { textInputOf } from './TerminologyJump';
import { targetOf } from './terminologyTargets';
import type { TerminologyHit } from './workflow-api';

const CONTAINER = 'data-terminology-marks-for';
// Long texts (a 摘要 can run to hundreds of characters) are shown around each mark only.
const WHOLE_UP_TO = 160;
const AROUND = 24;

type Mark = { start: number; end: number; severity: 'block' | 'warn'; suggestion: string | null };

/** Every occurrence of the hits' words in `text`, left to right, none overlapping. */
export const marksIn = (text: string, hits: readonly TerminologyHit[]): Mark[] => {
  const found: Mark[] = [];
  for (const hit of hits) {
    for (
      let at = text.indexOf(hit.pattern);
      at >= 0;
      at = text.indexOf(hit.pattern, at + hit.pattern.length)
    ) {
      found.push({
        start: at,
        end: at + hit.pattern.length,
        severity: hit.severity,
        suggestion: hit.suggestion,
      });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  return found.filter((mark, index) =>
    found.slice(0, index).every((before) => before.end <= mark.start),
  );
};

/** The pieces of `text` to show: plain runs and marks, long stretches between marks cut to “…”. */
const piecesOf = (text: string, marks: readonly Mark[]): Array<{ text: string; mark?: Mark }> => {
  const pieces: Array<{ text: string; mark?: Mark }> = [];
  const whole = text.length <= WHOLE_UP_TO;
  let at = 0;
  for (const [index, mark] of marks.entries()) {
    const before = text.slice(at, mark.start);
    const cut =
      !whole && before.length > AROUND * 2
        ? `${index === 0 ? '' : before.slice(0, AROUND)}…${before.slice(-AROUND)}`
        : before;
    pieces.push({ text: cut }, { text: text.slice(mark.start, mark.end), mark });
    at = mark.end;
  }
  const rest = text.slice(at);
  pieces.push({ text: !whole && rest.length > AROUND ? `${rest.slice(0, AROUND)}…` : rest });
  return pieces;
};

/** The element that holds a field's label, input and hint: the nearest ancestor of the input that also holds its label. */
const fieldRootOf = (input: HTMLElement): HTMLElement | null => {
  const label = input.id ? document.querySelector(`label[for="${CSS.escape(input.id)}"]`) : null;
  let root = input.parentElement;
  while (root && label && !root.contains(label)) root = root.parentElement;
  return root ?? input.parentElement;
};

/** A container for the marks right under the field, placed there once and again if the field is rendered anew. */
const containerFor = (name: string): HTMLElement | null => {
  const input = textInputOf(name);
  const root = input && fieldRootOf(input);
  if (!root) return null;
  const placed = Array.from(root.children).find((child) => child.getAttribute(CONTAINER) === name);
  if (placed instanceof HTMLElement) return placed;
  const container = document.createElement('div');
  container.setAttribute(CONTAINER, name);
  root.append(container);
  return container;
};

const FieldMarks = ({ name, text, marks }: { name: string; text: string; marks: Mark[] }) => {
  const select = (mark: Mark) => {
    const input = textInputOf(name);
    if (!input) return;
    input.focus();
    input.setSelectionRange(mark.start, mark.end);
  };
  const blocking = marks.some((mark) => mark.severity === 'block');
  return (
    <div
      data-testid="terminology-field-marks"
      data-field={name}
      style={{
        marginTop: 4,
        padding: '4px 8px',
        borderRadius: 4,
        fontSize: 12,
        lineHeight: 1.6,
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-all',
        background: blocking ? '#fcecea' : '#fdf4dc',
        color: '#32324d',
      }}
    >
      <span style={{ fontWeight: 600, color: blocking ? '#b72b1a' : '#be5d01' }}>
        {blocking ? '✕ 用语须修改：' : '⚠ 用语提示：'}
      </span>
      {piecesOf(text, marks).map((piece, index) =>
        piece.mark ? (
          <mark
            key={index}
            role="button"
            tabIndex={0}
            title={
              piece.mark.suggestion ? `建议改为“${piece.mark.suggestion}”，点击选中` : '点击选中'
            }
            data-severity={piece.mark.severity}
            onClick={() => piece.mark && select(piece.mark)}
            onKeyDown={(event) => event.key === 'Enter' && piece.mark && select(piece.mark)}
            style={{
              cursor: 'pointer',
              background: piece.mark.severity === 'block' ? '#f5c0b8' : '#fae7b9',
              color: piece.mark.severity === 'block' ? '#b72b1a' : '#7a3d00',
              textDecoration: `underline wavy ${piece.mark.severity === 'block' ? '#d02b20' : '#be5d01'}`,
            }}
          >
            {piece.text}
          </mark>
        ) : (
          <React.Fragment key={index}>{piece.text}</React.Fragment>
        ),
      )}
    </div>
  );
};

/**
 * Marks the hits of plain-text fields (标题、副标题、摘要…) right under each field, the matched
 * characters highlighted in the field's current text: an input cannot show a highlight inside
 * its value. Follows the form as the editor types or replaces, and clears when the words are gone.
 */
export const PlainTextMarks = ({ hits }: { hits: readonly TerminologyHit[] }) => {
  const values = useForm('PlainTextMarks', (form) => form.values, false);
  // The kind of a field does not change as its text does: the fields are worked out per set of hits.
  const valuesNow = React.useRef(values);
  valuesNow.current = values;
  const byField = React.useMemo(() => {
    const fields = new Map<string, TerminologyHit[]>();
    for (const hit of hits) {
      const target = targetOf(hit, valuesNow.current);
      if (target.kind === 'text')
        fields.set(target.name, [...(fields.get(target.name) ?? []), hit]);
    }
    return fields;
  }, [hits]);
  const [containers, setContainers] = React.useState<Map<string, HTMLElement>>(new Map());

  React.useEffect(() => {
    const place = () => {
      const next = new Map<string, HTMLElement>();
      for (const name of byField.keys()) {
        const container = containerFor(name);
        if (container) next.set(name, container);
      }
      setContainers((current) =>
        current.size === next.size &&
        [...next].every(([name, container]) => current.get(name) === container)
          ? current
          : next,
      );
    };
    place();
    // The edit view renders its fields after the panel, and anew on a locale or version switch.
    let frame = 0;
    const observer = new MutationObserver(() => {
      if (frame === 0)
        frame = requestAnimationFrame(() => {
          frame = 0;
          place();
        });
    });
    observer.observe(document.body, { subtree: true, childList: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      for (const name of byField.keys())
        document.querySelector(`[${CONTAINER}="${CSS.escape(name)}"]`)?.remove();
    };
  }, [byField]);

  return (
    <>
      {[...containers].map(([name, container]) => {
        const input = textInputOf(name);
        const text = String(
          name
            .split('.')
            .reduce<unknown>(
              (node, key) =>
                node !== null && typeof node === 'object'
                  ? (node as Record<string, unknown>)[key]
                  : undefined,
              values,
            ) ??
            input?.value ??
            '',
        );
        const marks = marksIn(text, byField.get(name) ?? []);
        return marks.length > 0
          ? createPortal(<FieldMarks name={name} text={text} marks={marks} />, container, name)
          : null;
      })}
    </>
  );
};
