import { workflowContext } from '../../src/workflow/workflow-context';

// Strapi makes one context service per app (src/api/workflow/services/context.ts).
const app = () => workflowContext();

describe('workflow context', () => {
  test('the clock and the actor set in one app are not seen by another app in the same process', async () => {
    const first = app();
    const second = app();
    const past = new Date('2030-01-01T00:00:00Z');
    const seen = await first.run(
      { now: past, actor: { type: 'scheduler', name: 'scheduler' } },
      async () => ({
        first: [first.now(), first.explicitActor()?.name],
        second: [second.now(), second.explicitActor()],
      }),
    );
    expect(seen.first).toEqual([past, 'scheduler']);
    expect(seen.second[0]).not.toEqual(past);
    expect(seen.second[1]).toBeUndefined();
  });

  test('a nested run adds to the scope it is in', async () => {
    const context = app();
    const now = new Date('2030-01-01T00:00:00Z');
    const inner = await context.run({ now }, () =>
      context.run({ actor: { type: 'system', name: 'seed' } }, async () => [
        context.now(),
        context.explicitActor()?.name,
      ]),
    );
    expect(inner).toEqual([now, 'seed']);
    expect(context.explicitActor()).toBeUndefined();
  });
});
