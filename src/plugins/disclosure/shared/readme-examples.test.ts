/**
 * The READMEs' request and response examples are checked against the contracts in shared/: each
 * ```json block follows a marker naming its type, `<!-- contract: requests.RequestStatusResponse -->`
 * (module, then a type of that module's contracts.ts), and becomes `const example: T = <json>;`
 * for the TypeScript compiler. An object literal is checked for excess properties, so a field the
 * server does not answer fails as surely as a missing one or a wrong value.
 */
import fs from 'fs';
import path from 'path';
import * as ts from 'typescript';

const PLUGIN = path.resolve(__dirname, '..');
const REPOSITORY = path.resolve(PLUGIN, '../../..');
const READMES = [path.join(REPOSITORY, 'README.md'), path.join(PLUGIN, 'README.md')];
/** The modules whose contracts an example may name. */
const MODULES = ['kernel', 'review', 'requests', 'reporting'];

interface Example {
  /** Where the ```json block starts, as `README.md:192`. */
  where: string;
  /** `module.Type` */
  contract: string;
  json: string;
}

const MARKER = /^<!--\s*contract:\s*(\S+)\s*-->$/;

/** The JSON examples of a markdown text, each with the contract its marker names (or null). */
function examplesOf(
  markdown: string,
  file: string
): Array<Omit<Example, 'contract'> & { contract: string | null }> {
  const lines = markdown.split('\n');
  const examples = [];
  for (let index = 0; index < lines.length; index++) {
    if (lines[index].trim() !== '```json') continue;
    const end = lines.findIndex((line, at) => at > index && line.trim() === '```');
    const marker = lines
      .slice(0, index)
      .reverse()
      .find((line) => line.trim() !== '');
    examples.push({
      where: `${path.relative(REPOSITORY, file)}:${index + 1}`,
      contract: MARKER.exec(marker?.trim() ?? '')?.[1] ?? null,
      json: lines.slice(index + 1, end).join('\n'),
    });
    index = end;
  }
  return examples;
}

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: false,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  types: [],
};

/** The compiler's complaints about each example typed as its contract, by example. */
function typeCheck(examples: readonly Example[]): string[][] {
  const imports = MODULES.map(
    (name) =>
      `import type * as ${name} from ${JSON.stringify(path.join(PLUGIN, 'shared', name, 'contracts'))};`
  ).join('\n');
  const sources = new Map(
    examples.map((example, index) => [
      path.join(PLUGIN, 'shared', `readme-example-${index}.ts`),
      `${imports}\nexport const example: ${example.contract} = ${example.json};\n`,
    ])
  );
  const host = ts.createCompilerHost(OPTIONS);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (file) => sources.has(file) || ts.sys.fileExists(file);
  host.readFile = (file) => sources.get(file) ?? readFile(file);
  host.getSourceFile = (file, language, ...rest) => {
    const text = sources.get(file);
    return text === undefined
      ? getSourceFile(file, language, ...rest)
      : ts.createSourceFile(file, text, language);
  };
  const program = ts.createProgram([...sources.keys()], OPTIONS, host);
  return [...sources.keys()].map((file) => {
    const source = program.getSourceFile(file)!;
    return [
      ...program.getSyntacticDiagnostics(source),
      ...program.getSemanticDiagnostics(source),
    ].map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  });
}

const found = READMES.flatMap((file) => examplesOf(fs.readFileSync(file, 'utf8'), file));
const examples = found.filter((example): example is Example => example.contract !== null);

describe("the READMEs' request and response examples", () => {
  it('are there, and every JSON example names its contract', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
    expect(found.filter((example) => example.contract === null).map((e) => e.where)).toEqual([]);
  });

  it('are JSON', () => {
    const invalid = examples.filter((example) => {
      try {
        JSON.parse(example.json);
        return false;
      } catch {
        return true;
      }
    });
    expect(invalid.map((example) => example.where)).toEqual([]);
  });

  it('match the contract types in shared/ (no missing, extra or mistyped field)', () => {
    const problems = typeCheck(examples).flatMap((messages, index) =>
      messages.map(
        (message) => `${examples[index].where} (${examples[index].contract}): ${message}`
      )
    );
    expect(problems).toEqual([]);
  });

  it('would fail on a wrong example: an unknown state, a missing field, a field the server does not send, a misspelt figure', () => {
    const status = (data: string) => ({
      contract: 'requests.RequestStatusResponse',
      json: `{ "data": { "trackingNumber": "YSQ20261127-048213", "receivedOn": "2026-11-27", "outcome": null, "explanation": [], ${data} } }`,
    });
    const wrong = [
      status('"state": "pending", "dueDate": null'),
      status('"state": "registered"'),
      status('"state": "registered", "dueDate": null, "name": "张三"'),
      {
        contract: 'reporting.StatisticsResponse',
        json: `{ "data": { "year": 2018, "locale": "zh-Hans", "timeZone": "Asia/Shanghai",
          "from": "2017-12-31T16:00:00.000Z", "to": "2018-12-31T16:00:00.000Z",
          "generatedAt": "2026-11-27T02:15:09.123Z", "providers": [],
          "sections": { "items": { "total": { "key": "items.total", "label": "总数", "vaule": 31 } } } } }`,
      },
    ].map((example, index) => ({ where: `wrong-${index}`, ...example }));
    const [unknownState, missing, extra, misspelt] = typeCheck(wrong);
    expect(unknownState.join('\n')).toMatch(/"pending"/);
    expect(missing.join('\n')).toMatch(/dueDate/);
    expect(extra.join('\n')).toMatch(/'"name"' does not exist/);
    expect(misspelt).not.toEqual([]);
  });
});
