#!/usr/bin/env node
// Proves the README's first-run path on a clean clone, before anything else builds: `npm start`
// (nothing in dist/) must serve the demo page and answer /api/customers with the token it prints.
// Exits 0 when both answer, 1 otherwise (after 180 s at most); always stops the server.
import { spawn } from 'node:child_process';

const port = process.env.SMOKE_PORT ?? '18360';
const child = spawn('npm', ['start'], { env: { ...process.env, PORT: port }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
child.stdout.on('data', (d) => (output += d));
child.stderr.on('data', (d) => (output += d));

const stop = () => {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
};
const fail = (why) => {
  console.log(`npm start smoke test failed: ${why}\n--- npm start output ---\n${output.slice(-4000)}`);
  stop();
  process.exit(1);
};
child.on('exit', (code) => fail(`npm start exited with ${code} before serving`));
const deadline = setTimeout(() => fail('no demo token printed within 180 s'), 180_000);

const token = await new Promise((resolve) => {
  const poll = setInterval(() => {
    const match = /Demo admin token: (\S+)/.exec(output);
    if (match) {
      clearInterval(poll);
      resolve(match[1]);
    }
  }, 200);
});
clearTimeout(deadline);
const base = `http://127.0.0.1:${port}`;
try {
  const page = await fetch(`${base}/`);
  const html = await page.text();
  if (page.status !== 200 || !html.includes('customer-360')) fail(`GET / answered ${page.status} without <customer-360>`);
  const api = await fetch(`${base}/api/customers?limit=1`, { headers: { authorization: `Bearer ${token}` } });
  const body = await api.json();
  if (api.status !== 200 || !Array.isArray(body.items) || body.items.length !== 1)
    fail(`GET /api/customers answered ${api.status}: ${JSON.stringify(body).slice(0, 300)}`);
  const bundle = await fetch(`${base}/embed/assets/c360.js`);
  if (bundle.status !== 200) fail(`GET /embed/assets/c360.js answered ${bundle.status}`);
  console.log(`npm start smoke test: demo page, /api/customers (total ${body.total}) and the element bundle answered on a clean clone`);
} catch (error) {
  fail(String(error));
}
child.removeAllListeners('exit');
stop();
process.exit(0);
