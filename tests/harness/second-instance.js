// A second Strapi server process on the test's database, for exactly-once tests: it boots the
// compiled app, says READY, waits for "go <ISO instant>" on stdin, runs the scheduler at that
// instant and prints its run as JSON.
const path = require('path');
const readline = require('readline');
const { createStrapi } = require('@strapi/strapi');

const main = async () => {
  const appDir = process.cwd();
  const distDir = path.join(appDir, 'dist');
  const strapi = await createStrapi({ appDir, distDir }).load();
  const { runDueJobs } = require(path.join(distDir, 'src', 'workflow', 'scheduler.js'));
  process.stdout.write('READY\n');
  const input = readline.createInterface({ input: process.stdin });
  for await (const line of input) {
    const [command, instant] = line.trim().split(' ');
    if (command !== 'go') continue;
    const run = await runDueJobs(strapi, new Date(instant));
    process.stdout.write(`RUN ${JSON.stringify(run)}\n`);
    break;
  }
  await strapi.destroy();
  process.exit(0);
};

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
