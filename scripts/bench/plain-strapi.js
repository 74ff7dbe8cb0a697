// Plain Strapi, for `npm run bench:read`'s baseline of a miss: the same Strapi version, the same
// content types and components (copied from src/), on a copy of the same seeded database, with
// Strapi's default middlewares and core controllers, and none of this project's code (no read
// scope, no renderings, no caches, no read indexes). JavaScript, so it runs without a build.
const fs = require('fs');
const path = require('path');

const write = (file, text) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};

const copyDirectory = (from, to) => fs.cpSync(from, to, { recursive: true });

/** Writes the plain app into `plainDir`; returns it. */
const writePlainApp = (appDir, plainDir) => {
  const ours = JSON.parse(fs.readFileSync(path.join(appDir, 'package.json'), 'utf8'));
  // Strapi loads the plugins a project depends on: users-permissions (Public's permissions) only.
  write(
    path.join(plainDir, 'package.json'),
    JSON.stringify(
      {
        name: 'plain-strapi',
        version: '0.0.0',
        private: true,
        dependencies: {
          '@strapi/strapi': ours.dependencies['@strapi/strapi'],
          '@strapi/plugin-users-permissions': ours.dependencies['@strapi/plugin-users-permissions'],
        },
      },
      null,
      2,
    ),
  );
  write(
    path.join(plainDir, 'config', 'database.js'),
    `module.exports = ({ env }) => ({ connection: env('DATABASE_CLIENT') === 'postgres'
  ? { client: 'postgres', connection: { host: env('DATABASE_HOST'), port: env.int('DATABASE_PORT'), database: env('DATABASE_NAME'), user: env('DATABASE_USERNAME'), password: env('DATABASE_PASSWORD', '') } }
  : { client: 'sqlite', connection: { filename: env('DATABASE_FILENAME') }, useNullAsDefault: true } });\n`,
  );
  write(
    path.join(plainDir, 'config', 'server.js'),
    `module.exports = ({ env }) => ({ host: env('HOST'), port: env.int('PORT'), app: { keys: env.array('APP_KEYS') } });\n`,
  );
  write(
    path.join(plainDir, 'config', 'admin.js'),
    `module.exports = ({ env }) => ({ serveAdminPanel: false, auth: { secret: env('ADMIN_JWT_SECRET') }, apiToken: { salt: env('API_TOKEN_SALT') }, transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } }, secrets: { encryptionKey: env('ENCRYPTION_KEY') } });\n`,
  );
  write(
    path.join(plainDir, 'config', 'plugins.js'),
    `module.exports = ({ env }) => ({ 'users-permissions': { config: { jwtSecret: env('JWT_SECRET') } } });\n`,
  );
  // Strapi's generated middlewares.js.
  write(
    path.join(plainDir, 'config', 'middlewares.js'),
    `module.exports = ['strapi::logger', 'strapi::errors', 'strapi::security', 'strapi::cors', 'strapi::poweredBy', 'strapi::query', 'strapi::body', 'strapi::session', 'strapi::favicon', 'strapi::public'];\n`,
  );
  write(
    path.join(plainDir, 'src', 'index.js'),
    'module.exports = { register() {}, bootstrap() {} };\n',
  );
  fs.mkdirSync(path.join(plainDir, 'public', 'uploads'), { recursive: true });
  copyDirectory(path.join(appDir, 'src', 'components'), path.join(plainDir, 'src', 'components'));
  for (const api of fs.readdirSync(path.join(appDir, 'src', 'api'))) {
    const typesDir = path.join(appDir, 'src', 'api', api, 'content-types');
    if (!fs.existsSync(typesDir)) continue;
    for (const name of fs.readdirSync(typesDir)) {
      const uid = `api::${api}.${name}`;
      const target = path.join(plainDir, 'src', 'api', api);
      fs.cpSync(
        path.join(typesDir, name, 'schema.json'),
        path.join(target, 'content-types', name, 'schema.json'),
      );
      write(
        path.join(target, 'controllers', `${name}.js`),
        `module.exports = require('@strapi/strapi').factories.createCoreController('${uid}');\n`,
      );
      write(
        path.join(target, 'services', `${name}.js`),
        `module.exports = require('@strapi/strapi').factories.createCoreService('${uid}');\n`,
      );
      write(
        path.join(target, 'routes', `${name}.js`),
        `module.exports = require('@strapi/strapi').factories.createCoreRouter('${uid}');\n`,
      );
    }
  }
  return plainDir;
};

module.exports = { writePlainApp };
