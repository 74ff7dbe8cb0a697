import { BatchedConsole } from '../../src/logging/batched-console';

const MESSAGE = Symbol.for('message');
const LEVEL = Symbol.for('level');
const line = (level: string, text: string) => ({
  level,
  message: text,
  [LEVEL]: level,
  [MESSAGE]: `${level}: ${text}`,
});

describe('log lines to stdout, a batch per event-loop turn', () => {
  let writes: string[];
  let spy: jest.SpyInstance;
  beforeEach(() => {
    writes = [];
    spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
  });
  afterEach(() => spy.mockRestore());

  // Boundary: winston's info object, keyed by its own symbols (the same Symbol.for values).
  const logged = (transport: BatchedConsole, info: ReturnType<typeof line>) =>
    new Promise<void>((resolve) =>
      transport.log(info as Parameters<BatchedConsole['log']>[0], resolve),
    );
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

  test('requests of one turn are one write, in order, and nothing is lost', async () => {
    const transport = new BatchedConsole();
    for (const path of ['/api/a', '/api/b', '/api/c'])
      await logged(transport, line('http', `GET ${path} 200`));
    expect(writes).toEqual([]);
    await nextTurn();
    expect(writes).toEqual(['http: GET /api/a 200\nhttp: GET /api/b 200\nhttp: GET /api/c 200\n']);
    await logged(transport, line('info', 'later'));
    await nextTurn();
    expect(writes).toEqual([writes[0], 'info: later\n']);
    transport.close();
  });

  test('errors and warnings are written at once, after what was queued before them', async () => {
    const transport = new BatchedConsole();
    await logged(transport, line('http', 'GET /api/a 200'));
    await logged(transport, line('error', 'database away'));
    expect(writes).toEqual(['http: GET /api/a 200\nerror: database away\n']);
    await nextTurn();
    expect(writes).toHaveLength(1);
    transport.close();
  });

  test('what is queued is written when the transport closes (and on process exit)', async () => {
    const transport = new BatchedConsole();
    await logged(transport, line('http', 'GET /api/last 200'));
    transport.close();
    expect(writes).toEqual(['http: GET /api/last 200\n']);
  });
});
