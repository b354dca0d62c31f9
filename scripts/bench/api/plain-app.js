/**
 * The plain-Strapi baseline of `npm run bench:api`: a throwaway JavaScript app directory with only
 * this app's content-type schemas and components (src/api/<name>/content-types, src/components),
 * Strapi's default router, controller and service for each, users-permissions, the same
 * firstPublishedAt feature flag — and nothing of ours: no src/index.ts, no middlewares, no
 * disclosure plugin, no query guard. Its bootstrap only lets the Public role find/findOne every
 * type. `extraIndex` adds an index on published_at to each draft-and-publish type ("plain + an
 * index"); without it the schemas' own indexes are removed (plain Strapi as shipped).
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { root } = require('../app');

const write = (file, text) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};

function writePlainApp(dir, { extraIndex }) {
  fs.rmSync(dir, { recursive: true, force: true });
  const apis = fs.readdirSync(path.join(root, 'src', 'api'));
  const uids = [];
  for (const api of apis) {
    const typesDir = path.join(root, 'src', 'api', api, 'content-types');
    if (!fs.existsSync(typesDir)) continue;
    for (const type of fs.readdirSync(typesDir)) {
      const schema = JSON.parse(fs.readFileSync(path.join(typesDir, type, 'schema.json'), 'utf8'));
      delete schema.indexes;
      if (extraIndex && schema.options?.draftAndPublish)
        schema.indexes = [
          { name: `${schema.collectionName}_plain_pub_idx`, columns: ['published_at'] },
        ];
      const uid = `api::${api}.${type}`;
      uids.push(uid);
      const base = path.join(dir, 'src', 'api', api);
      write(path.join(base, 'content-types', type, 'schema.json'), JSON.stringify(schema, null, 2));
      for (const [kind, factory] of [
        ['routes', 'createCoreRouter'],
        ['controllers', 'createCoreController'],
        ['services', 'createCoreService'],
      ])
        write(
          path.join(base, kind, `${type}.js`),
          `'use strict';\nmodule.exports = require('@strapi/strapi').factories.${factory}('${uid}');\n`
        );
    }
  }
  fs.cpSync(path.join(root, 'src', 'components'), path.join(dir, 'src', 'components'), {
    recursive: true,
  });
  write(
    path.join(dir, 'src', 'index.js'),
    `'use strict';
/** The Public role may find and findOne every content type (what the bench reads). */
module.exports = {
  register() {},
  async bootstrap({ strapi }) {
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const actions = ${JSON.stringify(uids)}.flatMap((uid) => [uid + '.find', uid + '.findOne']);
    const permissions = strapi.db.query('plugin::users-permissions.permission');
    for (const action of actions) {
      if (!(await permissions.findOne({ where: { action, role: role.id } })))
        await permissions.create({ data: { action, role: role.id } });
    }
  },
};
`
  );
  write(
    path.join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'plain-strapi-bench',
        private: true,
        version: '0.0.0',
        dependencies: {
          '@strapi/strapi': '5.54.0',
          '@strapi/plugin-users-permissions': '5.54.0',
        },
        strapi: { telemetryDisabled: true },
      },
      null,
      2
    )
  );
  write(
    path.join(dir, 'config', 'database.js'),
    `'use strict';
module.exports = ({ env }) => ({
  connection:
    env('DATABASE_CLIENT') === 'postgres'
      ? { client: 'postgres', connection: { connectionString: env('DATABASE_URL') }, pool: { min: 0, max: 10 } }
      : { client: 'sqlite', connection: { filename: env('DATABASE_FILENAME') }, useNullAsDefault: true },
});
`
  );
  write(
    path.join(dir, 'config', 'server.js'),
    `'use strict';
module.exports = ({ env }) => ({ host: env('HOST', '0.0.0.0'), port: env.int('PORT', 1337), app: { keys: env.array('APP_KEYS') } });
`
  );
  write(
    path.join(dir, 'config', 'admin.js'),
    `'use strict';
module.exports = ({ env }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
});
`
  );
  // As the 5.54 template, and this app (config/api.ts).
  write(
    path.join(dir, 'config', 'api.js'),
    `'use strict';
module.exports = { rest: { defaultLimit: 25, maxLimit: 100, withCount: true, strictParams: true }, documents: { strictParams: true, strictRelations: true } };
`
  );
  // The same log level as this app's nodes: the comparison is not about logging.
  write(
    path.join(dir, 'config', 'logger.js'),
    `'use strict';\nmodule.exports = ({ env }) => ({ level: env('LOG_LEVEL', 'http') });\n`
  );
  write(
    path.join(dir, 'config', 'features.js'),
    `'use strict';\nmodule.exports = () => ({ future: { experimental_firstPublishedAt: true } });\n`
  );
  fs.mkdirSync(path.join(dir, 'public', 'uploads'), { recursive: true });
  write(path.join(dir, 'config', 'plugins.js'), `'use strict';\nmodule.exports = () => ({});\n`);
  return dir;
}

module.exports = { writePlainApp };
