import { spawn, type ChildProcess } from 'child_process';
import net from 'net';
import path from 'path';
import { TEST_ENV } from './strapi';
import {
  createTestDatabase,
  bootTemplate,
  saveSqliteTemplate,
  TEST_DATABASE,
  templateSaved,
  type TestDatabase,
} from './database';

const appDir = path.resolve(__dirname, '..', '..');
const strapiBin = path.join(appDir, 'node_modules', '.bin', 'strapi');

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/**
 * Runs `strapi start` (the built admin included) as a separate process on a fresh database (a
 * copy of the run's first start with the same settings when there is one: bootTemplate).
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  // The browser suite runs on SQLite, where a running app's database is saved as it is.
  const template = TEST_DATABASE === 'sqlite' ? bootTemplate({ ...TEST_ENV, ...env }) : null;
  const saved = template !== null && (await templateSaved(template));
  const database: TestDatabase = await createTestDatabase(saved ? { template: template! } : {});
  const port = await freePort();
  const child: ChildProcess = spawn(strapiBin, ['start'], {
    cwd: appDir,
    env: {
      ...process.env,
      ...TEST_ENV,
      ...database.env,
      ...env,
      HOST: '127.0.0.1',
      PORT: String(port),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await database.drop();
  };
  // A first start seeds the demo (about a minute on a busy 2-core machine).
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const healthy = await fetch(`${url}/_health`).then(
      (r) => r.ok,
      () => false
    );
    if (healthy) {
      if (template && !saved) saveSqliteTemplate(database, template);
      return { url, stop };
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`strapi start did not answer on ${url}`);
}
