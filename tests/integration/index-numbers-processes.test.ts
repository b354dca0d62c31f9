import { spawn } from 'child_process';
import path from 'path';
import readline from 'readline';
import { TEST_DATABASE } from '../helpers/database';
import { bootApp, stopApp, type TestApp } from '../helpers/strapi';
import { disclosureService } from 'strapi-plugin-gov-disclosure/sdk';

const ARTICLE = 'api::article.article';

// Several app nodes share one PostgreSQL database in production; SQLite serves one process only.
const onPostgres = TEST_DATABASE === 'postgres' ? describe : describe.skip;

onPostgres('索引号 from two app processes sharing the database', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootApp();
  });
  afterAll(async () => {
    if (app) await stopApp(app);
  });

  it('never gives the same number twice, and leaves no gap', async () => {
    const theirs = Array.from({ length: 40 }, (_, n) => `second-process-${n}`);
    const ours = Array.from({ length: 40 }, (_, n) => `first-process-${n}`);
    const child = spawn(
      process.execPath,
      [
        path.join(__dirname, '..', 'helpers', 'second-process.js'),
        'allocate',
        ARTICLE,
        '2040',
        ...theirs,
      ],
      { env: { ...process.env }, stdio: ['pipe', 'pipe', 'inherit'] }
    );
    // Listen for the exit now: the child may be gone before we are done.
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const lines = readline.createInterface({ input: child.stdout! });
    const nextLine = () => new Promise<string>((resolve) => lines.once('line', resolve));
    expect(await nextLine()).toBe('READY');

    const numbers = disclosureService(app.strapi, 'index-numbers');
    const theirValues = nextLine();
    child.stdin!.end('GO\n');
    const ourValues: string[] = await Promise.all(
      ours.map((documentId) =>
        numbers.allocate(ARTICLE, documentId, new Date('2040-06-01T00:00:00Z'))
      )
    );
    const all = [...ourValues, ...(JSON.parse(await theirValues) as string[])];
    await exited;

    expect(new Set(all).size).toBe(80);
    expect(all.map((value) => Number(value.slice(-5))).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 80 }, (_, n) => n + 1)
    );
  });
});
