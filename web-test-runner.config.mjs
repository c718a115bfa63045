// web-test-runner.config.mjs — the elements' browser tests in Debian's headless Chromium, against
// the REAL c360 server loaded with the bundled Online Retail sample (no mocked fetch).
//
//   npx web-test-runner            (C360_WTR_PORT changes the API port, C360_WTR_PAGE_PORT the pages' port, CHROME_PATH the browser)
//
// A plugin starts `c360 demo` on a fresh temporary database before the tests and stops it after;
// a reporter writes reports/wtr.json = { passed, failed } for CI's summary line.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';

const root = fileURLToPath(new URL('.', import.meta.url));
/** The test pages' own port (C360_WTR_PAGE_PORT: two runs on one machine need different ports). */
const WTR_PORT = Number(process.env.C360_WTR_PAGE_PORT ?? 8000);
const API_PORT = Number(process.env.C360_WTR_PORT ?? 8399);
const API = `http://localhost:${API_PORT}/api`;
const STARTUP_TIMEOUT_MS = 180_000;
/** The demo admin token `c360 demo` prints at start (the API needs a bearer token, SPEC §8). */
let token = '';
/** API keys of the lower roles, minted with `c360 token create` once the server answers. */
const roleTokens = { viewer: '', agent: '', manager: '' };

/** Creates an API key of `role` in the test database (the CLI prints only the token). */
function mintToken(db, role) {
  return new Promise((resolve, reject) => {
    const args = ['packages/server/src/cli/main.ts', 'token', 'create', '--role', role, '--name', `WTR ${role}`, '--db', db];
    execFile(join(root, 'node_modules/.bin/tsx'), args, { cwd: root, timeout: 60_000 }, (error, stdout, stderr) => {
      const minted = stdout.trim().split(/\s+/).pop() ?? '';
      if (error || !minted) reject(new Error(`c360 token create --role ${role} failed: ${error?.message ?? ''}\n${stderr}`));
      else resolve(minted);
    });
  });
}

/** Starts the real server (`c360 demo` on a temporary database) for the test run. */
function realServerPlugin() {
  let child;
  let dir;
  let log = '';
  return {
    name: 'c360-real-server',
    async serverStart() {
      if (await answers()) {
        throw new Error(
          `Port ${API_PORT} already answers ${API}/openapi.json: stop that server (or set C360_WTR_PORT) so the tests run against a fresh database.`,
        );
      }
      dir = mkdtempSync(join(tmpdir(), 'c360-wtr-'));
      const args = ['packages/server/src/cli/main.ts', 'demo', '--db', join(dir, 'wtr.db'), '--port', String(API_PORT)];
      child = spawn(join(root, 'node_modules/.bin/tsx'), args, {
        cwd: root,
        detached: true, // own process group, so serverStop ends tsx and the node process it starts
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          PORT: String(API_PORT),
          C360_WRITE_RATE: '0',
          C360_ALLOWED_ORIGINS: `http://localhost:${WTR_PORT},http://127.0.0.1:${WTR_PORT}`,
        },
      });
      const collect = (chunk) => {
        log = (log + chunk).slice(-8000);
        token ||= /Demo admin token: (\S+)/.exec(log)?.[1] ?? '';
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
      const deadline = Date.now() + STARTUP_TIMEOUT_MS;
      while (!(await answers())) {
        const code = await Promise.race([exited, new Promise((r) => setTimeout(r, 500, 'waiting'))]);
        if (code !== 'waiting') throw new Error(`The c360 server exited (code ${code}) before answering:\n${log}`);
        if (Date.now() > deadline)
          throw new Error(`The c360 server did not answer ${API}/openapi.json within ${STARTUP_TIMEOUT_MS / 1000}s:\n${log}`);
      }
      // One token per lower role, for the tests of hidden actions and access denied (R19.3, R19.5).
      for (const role of ['viewer', 'agent', 'manager']) {
        roleTokens[role] = await mintToken(join(dir, 'wtr.db'), role);
      }
    },
    async serverStop() {
      if (child && child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          child.kill('SIGTERM');
        }
        await new Promise((resolve) => {
          const t = setTimeout(resolve, 5000);
          child.once('exit', () => (clearTimeout(t), resolve()));
        });
      }
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `executeServerCommand('mouse-wheel', { x, y, deltaY })`: moves the mouse to (x, y) of the page and
 * turns the wheel, as a person scrolls (a synthetic WheelEvent scrolls nothing).
 */
function mouseWheelPlugin() {
  return {
    name: 'c360-mouse-wheel',
    async executeCommand({ command, payload, session }) {
      if (command !== 'mouse-wheel') return undefined;
      const page = session.browser.getPage(session.id);
      await page.mouse.move(payload.x, payload.y);
      await page.mouse.wheel({ deltaX: payload.deltaX ?? 0, deltaY: payload.deltaY ?? 0 });
      return true;
    },
  };
}

async function answers() {
  try {
    // The reference is public; every other route needs a token.
    const response = await fetch(`${API}/openapi.json`, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Counts every test of every session into reports/wtr.json (a file that failed to load counts as one failure). */
function jsonSummaryReporter(file = join(root, 'reports/wtr.json')) {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      const walk = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) continue;
          if (test.passed) passed++;
          else failed++;
        }
        for (const child of suite.suites) walk(child);
      };
      for (const session of sessions) {
        const before = failed;
        if (session.testResults) walk(session.testResults);
        if (!session.passed && failed === before) failed++;
      }
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, `${JSON.stringify({ passed, failed })}\n`);
    },
  };
}

export default {
  rootDir: '.',
  port: WTR_PORT,
  files: ['packages/components/src/**/*.test.ts'],
  // Workspace packages export "@c360/source": "./src/index.ts" -> tests need no prior build.
  nodeResolve: { exportConditions: ['@c360/source'] },
  plugins: [
    realServerPlugin(),
    mouseWheelPlugin(),
    // esbuild's transform API ignores "extends": point at a tsconfig that itself sets
    // experimentalDecorators + useDefineForClassFields:false (Lit decorators).
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.base.json', import.meta.url)) }),
  ],
  // The tests read the API's address from here (see packages/components/src/test-support/real-server.ts).
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html lang="en-GB">
      <body>
        <script>window.__C360_TEST_API__ = ${JSON.stringify(API)}; window.__C360_TEST_TOKEN__ = ${JSON.stringify(token)}; window.__C360_TEST_TOKENS__ = ${JSON.stringify(roleTokens)};</script>
        <script type="module" src="${testFramework}"></script>
      </body>
    </html>`,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox', // required: we run as root
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  reporters: [defaultReporter(), jsonSummaryReporter()],
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
};
