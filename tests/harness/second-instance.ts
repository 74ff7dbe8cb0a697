import { spawn } from 'child_process';
import readline from 'readline';

/**
 * A second server process on the same database and Redis as the test's app (the environment
 * is inherited), driven over stdin/stdout: see second-instance-process.js for its commands.
 */
export const startSecondInstance = async () => {
  const child = spawn(process.execPath, ['tests/harness/second-instance-process.js'], {
    cwd: process.cwd(),
    env: process.env,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: child.stdout });
  const nextLine = (prefix: string) =>
    new Promise<string>((resolve, reject) => {
      const onLine = (line: string) => {
        if (!line.startsWith(prefix)) return;
        lines.off('line', onLine);
        resolve(line.slice(prefix.length).trim());
      };
      lines.on('line', onLine);
      child.once('exit', (code) => reject(new Error(`second instance exited with ${code}`)));
    });
  await nextLine('READY');
  return {
    /** Sends one command and resolves with the rest of the line that starts with `answer`. */
    command: (line: string, answer: string) => {
      const result = nextLine(answer);
      child.stdin.write(`${line}\n`);
      return result;
    },
    stopped: new Promise((resolve) => child.once('exit', resolve)),
    /** Ends it at once, whatever it is doing (a test that failed half way). */
    kill: () => {
      if (child.exitCode === null) child.kill();
    },
    /** `kill -9`: no shutdown, no flush, whatever was in flight is cut off. */
    crash: () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
};
