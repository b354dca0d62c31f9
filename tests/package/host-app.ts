import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';

/** The plugin as it is published. */
export const PACKAGE_NAME = 'strapi-plugin-gov-disclosure';

const repoRoot = path.resolve(__dirname, '..', '..');
const pluginDir = path.join(repoRoot, 'src', 'plugins', 'disclosure');

export interface PackedPlugin {
  tarball: string;
  /** The paths inside the tarball, relative to the package root. */
  files: string[];
  size: number;
}

/**
 * `npm pack` of src/plugins/disclosure into `destination`. Without its scripts: the build it packs
 * is the one the test setup made (tests/package/global-setup.js), so the test does not build twice.
 */
export function packPlugin(destination: string): PackedPlugin {
  const output = execFileSync(
    'npm',
    ['pack', '--ignore-scripts', '--json', '--pack-destination', destination],
    { cwd: pluginDir, encoding: 'utf8' }
  );
  const [packed] = JSON.parse(output) as Array<{
    filename: string;
    size: number;
    files: Array<{ path: string }>;
  }>;
  return {
    tarball: path.join(destination, packed.filename),
    files: packed.files.map((file) => file.path),
    size: packed.size,
  };
}

/**
 * A bare Strapi 5.54 app written by hand, as a bureau's own site might be: one collection type of
 * its own (`api::notice.notice`, draft and publish, with a catalogue metadata component of its own
 * name), the plugin installed from the tarball and listed in package.json, configured to review
 * notices, its intake guard before `strapi::body`, and the plugin's workflow roles created in
 * bootstrap through the plugin's SDK. Plain JavaScript: nothing to compile.
 *
 * Installing: the tarball is unpacked into node_modules/strapi-plugin-gov-disclosure (what
 * `npm install <tarball>` puts there); every other package is a link into this repository's
 * node_modules, so no network is needed.
 */
export function createHostApp(directory: string, tarball: string): string {
  const write = (file: string, content: string | object) => {
    const target = path.join(directory, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(
      target,
      typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`
    );
  };

  write('package.json', {
    name: 'bureau-site',
    version: '1.0.0',
    private: true,
    dependencies: {
      '@strapi/strapi': '5.54.0',
      'better-sqlite3': '12.8.0',
      pg: '8.20.0',
      react: '^18.0.0',
      'react-dom': '^18.0.0',
      'react-router-dom': '^6.30.3',
      'styled-components': '^6.0.0',
      [PACKAGE_NAME]: `file:${tarball}`,
    },
  });
  write('config/database.js', DATABASE);
  write('config/server.js', SERVER);
  write('config/admin.js', ADMIN);
  write('config/logger.js', LOGGER);
  write('config/middlewares.js', MIDDLEWARES);
  write('config/plugins.js', PLUGINS);
  write('src/index.js', INDEX);
  write('src/api/notice/content-types/notice/schema.json', NOTICE_SCHEMA);
  for (const kind of ['routes', 'controllers', 'services']) {
    const factory = { routes: 'Router', controllers: 'Controller', services: 'Service' }[kind];
    write(
      `src/api/notice/${kind}/notice.js`,
      `'use strict';\nmodule.exports = require('@strapi/strapi').factories.createCore${factory}('api::notice.notice');\n`
    );
  }
  write('src/components/catalogue/metadata.json', METADATA_COMPONENT);
  fs.mkdirSync(path.join(directory, 'public', 'uploads'), { recursive: true });

  const modules = path.join(directory, 'node_modules');
  const installed = path.join(modules, PACKAGE_NAME);
  fs.mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  const repoModules = path.join(repoRoot, 'node_modules');
  for (const entry of fs.readdirSync(repoModules)) {
    if (entry === PACKAGE_NAME || entry.startsWith('.')) continue;
    fs.symlinkSync(fs.realpathSync(path.join(repoModules, entry)), path.join(modules, entry));
  }
  return directory;
}

const DATABASE = `'use strict';
module.exports = ({ env }) =>
  env('DATABASE_CLIENT') === 'postgres'
    ? { connection: { client: 'postgres', connection: { connectionString: env('DATABASE_URL') } } }
    : {
        connection: {
          client: 'sqlite',
          connection: { filename: env('DATABASE_FILENAME') },
          useNullAsDefault: true,
        },
      };
`;

const SERVER = `'use strict';
module.exports = {
  host: '127.0.0.1',
  port: 1337,
  app: { keys: ['host-key-1', 'host-key-2'] },
  cron: { enabled: false },
};
`;

const ADMIN = `'use strict';
module.exports = {
  auth: { secret: 'host-admin-jwt-secret' },
  apiToken: { salt: 'host-api-token-salt' },
  transfer: { token: { salt: 'host-transfer-token-salt' } },
  secrets: { encryptionKey: 'host-encryption-key-0123456789ab' },
};
`;

const LOGGER = `'use strict';
module.exports = ({ env }) => ({ level: env('LOG_LEVEL', 'http') });
`;

const MIDDLEWARES = `'use strict';
module.exports = [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // The plugin's rate limit and size check of the public request intake, before the body is read.
  'plugin::disclosure.intake-guard',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
`;

const PLUGINS = `'use strict';
module.exports = {
  disclosure: {
    enabled: true,
    config: {
      contentTypes: ['api::notice.notice'],
      orgCode: '11210100MB0000000X',
      metadataComponent: 'catalogue.metadata',
    },
  },
};
`;

const INDEX = `'use strict';
const { disclosureService } = require('${PACKAGE_NAME}/sdk');

module.exports = {
  register() {},
  async bootstrap({ strapi }) {
    // The plugin's workflow roles (编辑, 处室审核人, 保密审查员, 政务公开协调员), once.
    await disclosureService(strapi, 'roles').ensureWorkflowRoles();
  },
};
`;

const NOTICE_SCHEMA = {
  kind: 'collectionType',
  collectionName: 'notices',
  info: { singularName: 'notice', pluralName: 'notices', displayName: 'Notice' },
  options: { draftAndPublish: true },
  attributes: {
    title: { type: 'string', required: true },
    body: { type: 'text' },
    metadata: { type: 'component', component: 'catalogue.metadata', repeatable: false },
  },
};

const METADATA_COMPONENT = {
  collectionName: 'components_catalogue_metadata',
  info: { displayName: 'Catalogue metadata' },
  attributes: { indexNumber: { type: 'string' } },
};
