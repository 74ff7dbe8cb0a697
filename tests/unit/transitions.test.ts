import { readFileSync } from 'fs';
import path from 'path';
import { REVIEW_STATES, stateDiagram, TRANSITIONS } from '../../src/workflow/transitions';

describe('the transition table', () => {
  test('docs/review-and-scheduling.md shows exactly the state diagram generated from the table', () => {
    const doc = readFileSync(path.join(__dirname, '../../docs/review-and-scheduling.md'), 'utf8');
    const shown = doc.match(/```mermaid\n(stateDiagram-v2[\s\S]*?)\n```/)?.[1];
    // On failure, paste the expected block (stateDiagram() in src/workflow/transitions.ts) into that doc.
    expect(shown).toBe(stateDiagram());
  });

  test('every state is reachable from draft, and only deleted is terminal', () => {
    const reachable = new Set<string>(['draft']);
    for (let grown = true; grown;) {
      grown = false;
      for (const row of TRANSITIONS) {
        if (
          row.to === null ||
          reachable.has(row.to) ||
          !row.from.some((from) => reachable.has(from))
        )
          continue;
        reachable.add(row.to);
        grown = true;
      }
    }
    expect([...reachable].sort()).toEqual([...REVIEW_STATES].sort());
    const leaving = new Set<string>(
      TRANSITIONS.flatMap((row) => (row.to === null ? [] : row.from)),
    );
    expect(REVIEW_STATES.filter((state) => !leaving.has(state))).toEqual(['deleted']);
  });

  test('an action has one row per state it may be taken from, or rows told apart by `when`', () => {
    for (const state of REVIEW_STATES) {
      const byAction = new Map<string, number>();
      for (const row of TRANSITIONS.filter((candidate) =>
        (candidate.from as readonly string[]).includes(state),
      )) {
        if (row.when) continue;
        byAction.set(row.action, (byAction.get(row.action) ?? 0) + 1);
      }
      expect([...byAction.values()].every((count) => count === 1)).toBe(true);
    }
  });
});
