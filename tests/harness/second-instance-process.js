// A second Strapi server process on the test's database (and Redis), for multi-instance tests:
// it boots the compiled app, says READY, then obeys one line on stdin:
//   go <ISO instant>                     run the scheduler at that instant, print RUN <json>
//   release <uid> <documentId> <locale>  approve (on record) and publish, print RELEASED
//   serve                                listen on a free port, print LISTENING <port>, keep obeying
//   queries                              print QUERIES <SQL statements run since serve>, keep obeying
//   tick <ms>                            run the scheduler every <ms> on the wall clock, print TICKING, keep obeying
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
  let queries = 0;
  for await (const line of input) {
    const [command, ...args] = line.trim().split(' ');
    if (command === 'go') {
      const run = await runDueJobs(strapi, new Date(args[0]));
      process.stdout.write(`RUN ${JSON.stringify(run)}\n`);
      break;
    }
    if (command === 'serve') {
      strapi.db.connection.on('query', () => {
        queries += 1;
      });
      await strapi.server.mount();
      await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
      process.stdout.write(`LISTENING ${strapi.server.httpServer.address().port}\n`);
      continue;
    }
    if (command === 'tick') {
      // As the cron task does (CRON_ENABLED is off in tests): one run at a time.
      let running = false;
      setInterval(() => {
        if (running) return;
        running = true;
        runDueJobs(strapi, new Date())
          .catch((error) => process.stderr.write(`scheduler: ${error.message}\n`))
          .finally(() => (running = false));
      }, Number(args[0]));
      process.stdout.write('TICKING\n');
      continue;
    }
    if (command === 'queries') {
      process.stdout.write(`QUERIES ${queries}\n`);
      continue;
    }
    if (command === 'release') {
      const { releaseWithSystemApproval } = require(
        path.join(distDir, 'src', 'workflow', 'review-actions.js'),
      );
      const ref = { uid: args[0], documentId: args[1], locale: args[2] };
      await releaseWithSystemApproval(strapi, ref, 'second instance', {
        type: 'system',
        name: 'second instance',
      });
      process.stdout.write('RELEASED\n');
      break;
    }
  }
  await strapi.destroy();
  process.exit(0);
};

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
