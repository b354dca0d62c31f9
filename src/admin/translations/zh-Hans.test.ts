import fs from 'fs';
import path from 'path';
import ours from './zh-Hans.json';

/**
 * The admin's zh-Hans, as the staff see it: our keys over Strapi's own zh-Hans, over its English.
 * Packages whose screens the staff meet, with the prefix Strapi gives their keys.
 */
const PACKAGES: Array<[pkg: string, dir: string, prefix: string]> = [
  ['@strapi/admin', 'dist/admin/admin/src/translations', ''],
  ['@strapi/content-manager', 'dist/admin/translations', 'content-manager.'],
  ['@strapi/upload', 'dist/admin/translations', 'upload.'],
  ['@strapi/i18n', 'dist/admin/translations', 'i18n.'],
  ['@strapi/email', 'dist/admin/translations', 'email.'],
  ['@strapi/plugin-users-permissions', 'dist/admin/translations', 'users-permissions.'],
];

/**
 * Keys left as Strapi has them, and why: the guided tour (`tours.*`, `app.components.GuidedTour.*`)
 * runs only in development for the first super admin; a link's rel and target examples are HTML
 * attribute values.
 */
const NOT_OURS = [
  /^tours\./,
  /^app\.components\.GuidedTour\./,
  /^components\.Blocks\.popover\.link\.(rel|target)\.placeholder$/,
  // Paid-plan and cloud features this app does not have (releases, review workflows, transfer
  // tokens, seats, AI usage, deployment, the trial's end), an example field of Strapi's own docs
  // and an example address.
  /^(releases|review-workflows|content-releases)\./,
  /^Settings\.(transferTokens|application\.(ai-usage|admin-seats))/,
  /^widget\.deploy-now\./,
  /^app\.components\.UpsellBanner\.\w+\.ended$/,
  /^mycustomfields\./,
  /^https?:/,
  /^app$/,
];

/**
 * Latin-letter words a Chinese screen may show: names of products, formats and protocols that
 * Chinese writes in Latin letters too (the browser test allows the same kind of words).
 */
const ALLOWED = new Set([
  'Strapi',
  'API',
  'ID',
  'URL',
  'JSON',
  'CSV',
  'PDF',
  'XLS',
  'ZIP',
  'SMTP',
  'TLS',
  'DKIM',
  'OAuth',
  'POST',
  'EXIF',
  'GIF',
  'JPEG',
  'JPG',
  'PNG',
  'SVG',
  'KB',
  'Webhook',
  'SSO',
  'Markdown',
  'GraphQL',
  'Sentry',
  'Ctrl',
  'Cmd',
  'Shift',
  'Enter',
  'Command',
  'Control',
  'Esc',
]);

const load = (pkg: string, dir: string, locale: string): Record<string, string> => {
  const root = path.dirname(require.resolve(`${pkg}/package.json`));
  const file = path.join(root, dir, `${locale}.json.js`);
  if (!fs.existsSync(file)) return {};
  const mod = require(file) as { default?: Record<string, string> };
  return mod.default ?? (mod as Record<string, string>);
};

/** The admin code's files of a package (its compiled ES modules). */
const codeFiles = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? codeFiles(path.join(dir, entry.name))
        : entry.name.endsWith('.mjs')
          ? [path.join(dir, entry.name)]
          : []
    );

/**
 * Messages the code asks for with an English default but no key in en.json: `id: '…'`, the
 * plugin's `getTranslation('…')` / `getTrad('…')` (prefixed with the plugin's id) or
 * `` `${pluginId}.…` ``, followed by `defaultMessage: '…'`.
 */
const MESSAGE =
  /id:\s*(?:'([^']+)'|"([^"]+)"|`\$\{[\w.]+\}\.([^`$]+)`|`([^`$]+)`|(?:getTranslation|getTrad|getTranslationKey)\(\s*['`]([^'`$]+)['`]\s*\))\s*,\s*defaultMessage:\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`([^`$]*)`)/g;

const OURS = ours as Record<string, string>;

/** Every message of the staff's packages: its English and what a zh-Hans user sees. */
const shown = new Map<string, { en: string; zh: string }>();
for (const [pkg, dir, prefix] of PACKAGES) {
  const en = load(pkg, dir, 'en');
  const zh = load(pkg, dir, 'zh-Hans');
  for (const [key, english] of Object.entries(en)) {
    const id = prefix + key;
    shown.set(id, { en: english, zh: OURS[id] ?? zh[key] ?? english });
  }
  const root = path.dirname(require.resolve(`${pkg}/package.json`));
  for (const file of codeFiles(path.join(root, 'dist', 'admin'))) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(MESSAGE)) {
      const id = m[1] ?? m[2] ?? m[4] ?? prefix + (m[3] ?? m[5]);
      const english = (m[6] ?? m[7] ?? m[8]).replace(/\\(.)/g, '$1');
      if (!shown.has(id)) shown.set(id, { en: english, zh: OURS[id] ?? english });
    }
  }
}

/**
 * An ICU message's argument names and the text it shows (the sub-messages of plural and select
 * included, their selectors and the argument syntax left out). Enough ICU for Strapi's messages.
 */
function parseMessage(message: string): { names: string[]; text: string } {
  const names = new Set<string>();
  let text = '';
  let i = 0;
  const readUntil = (stops: string) => {
    const from = i;
    while (i < message.length && !stops.includes(message[i])) i++;
    return message.slice(from, i).trim();
  };
  const subMessage = (): void => {
    while (i < message.length && message[i] !== '}') {
      if (message[i] === '{') argument();
      else text += message[i++];
    }
  };
  function argument(): void {
    i++; // {
    names.add(readUntil(',}'));
    if (message[i] === '}') {
      i++;
      return;
    }
    i++; // ,
    const type = readUntil(',}');
    if (['plural', 'select', 'selectordinal'].includes(type)) {
      i++; // ,
      while (i < message.length && message[i] !== '}') {
        readUntil('{}'); // the selector: one, other, =0, true…
        if (message[i] !== '{') break;
        i++;
        subMessage();
        i++; // } of the sub-message
        text += ' ';
      }
    } else {
      readUntil('}'); // number, date: their style
    }
    i++; // } of the argument
  }
  subMessage();
  return { names: [...names].sort(), text };
}

/** The words in Latin letters a message shows: tags, addresses, links and codes left out. */
const latinWords = (message: string): string[] =>
  (
    parseMessage(message)
      .text.replace(/<\/?[a-z]+>/g, ' ')
      .replace(/https?:\/\/\S+/g, ' ')
      .replace(/[\w.+-]*@[\w-]+(\.[\w-]+)+/g, ' ')
      .replace(/\b[\w-]+(\.[a-z]{2,})+\b/g, ' ')
      .replace(/%\w+%/g, ' ')
      .match(/[A-Za-z]+/g) ?? []
  ).filter((word) => !ALLOWED.has(word));

describe("the admin's zh-Hans translations", () => {
  it('leave no English on the screens of the packages the staff use', () => {
    const english = [...shown.entries()]
      .filter(([id]) => !NOT_OURS.some((pattern) => pattern.test(id)))
      .filter(([, { zh }]) => latinWords(zh).length > 0)
      .map(([id, { zh }]) => `${id}: ${zh}`);
    expect(english).toEqual([]);
  });

  it("keep every argument of Strapi's English message", () => {
    const changed = Object.entries(OURS)
      .filter(([id]) => shown.has(id))
      .filter(
        ([id, zh]) => parseMessage(zh).names.join() !== parseMessage(shown.get(id)!.en).names.join()
      )
      .map(([id, zh]) => `${id}: ${shown.get(id)!.en} -> ${zh}`);
    expect(changed).toEqual([]);
  });

  it("name in Chinese every content type, component and choice of the app's schemas", () => {
    const root = path.resolve(__dirname, '..', '..');
    const typeDirs = fs
      .readdirSync(path.join(root, 'api'))
      .map((api) => path.join(root, 'api', api, 'content-types'))
      .filter((dir) => fs.existsSync(dir));
    const schemas = [
      ...typeDirs.flatMap((dir) =>
        fs.readdirSync(dir).map((type) => path.join(dir, type, 'schema.json'))
      ),
      ...fs
        .readdirSync(path.join(root, 'components'))
        .flatMap((group) =>
          fs
            .readdirSync(path.join(root, 'components', group))
            .map((file) => path.join(root, 'components', group, file))
        ),
    ].map(
      (file) =>
        JSON.parse(fs.readFileSync(file, 'utf8')) as {
          info: { displayName: string };
          attributes: Record<string, { type: string; enum?: string[] }>;
        }
    );
    // The Content Manager looks up a type's name and an enumeration's choices as message ids.
    const ids = [
      ...schemas.map((schema) => schema.info.displayName),
      ...schemas.flatMap((schema) =>
        Object.values(schema.attributes).flatMap((attribute) => attribute.enum ?? [])
      ),
      'User', // users-permissions' user type, in the super admin's Content Manager
      // The paid-plan features' entries in every user's settings menu.
      'content-releases.plugin.name',
      'review-workflows.plugin.name',
    ];
    expect(ids.filter((id) => !OURS[id] || latinWords(OURS[id]).length > 0)).toEqual([]);
    // Nothing else: every other key of ours is one of Strapi's.
    expect(Object.keys(OURS).filter((id) => !shown.has(id) && !ids.includes(id))).toEqual([]);
  });
});
