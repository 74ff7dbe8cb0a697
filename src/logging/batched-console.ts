import TransportStream from 'winston-transport';

/** winston's keys for the formatted line and the plain level name (triple-beam's MESSAGE and LEVEL). */
const MESSAGE = Symbol.for('message');
const LEVEL = Symbol.for('level');
const AT_ONCE = new Set(['error', 'warn']);

type LogInfo = { [MESSAGE]?: string; [LEVEL]?: string };

const open = new Set<BatchedConsole>();
// Whatever is still queued is written before the process ends, also on process.exit().
process.on('exit', () => open.forEach((transport) => transport.flush()));

/**
 * Log lines to stdout one write per event-loop turn instead of one per line. Measured under
 * load, the access log's write system call per request was a fifth of a cached read's time
 * (response cache hits answer in well under a millisecond). Errors and warnings are written at once.
 */
export class BatchedConsole extends TransportStream {
  private lines: string[] = [];
  private scheduled = false;

  constructor(options?: ConstructorParameters<typeof TransportStream>[0]) {
    super(options);
    open.add(this);
    this.on('close', () => open.delete(this));
  }

  log(info: LogInfo, next: () => void): void {
    this.lines.push(`${info[MESSAGE]}\n`);
    if (AT_ONCE.has(info[LEVEL] ?? '')) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
    next();
  }

  flush(): void {
    this.scheduled = false;
    if (this.lines.length === 0) return;
    const text = this.lines.join('');
    this.lines = [];
    process.stdout.write(text);
  }

  close(): void {
    this.flush();
    open.delete(this);
  }
}
