#!/usr/bin/env node
// Builds the web app into web/dist as part of `npm install` / `npm ci` (the `prepare` script), so
// `npm install && npm start` serves the UI with no extra step. When Vite is not installed (an
// install that left out the build tools), it prints how to build later and lets the install
// succeed: the API works without the UI.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
if (process.env.INMAIL_SKIP_WEB_BUILD === '1') {
  console.log('inmail: INMAIL_SKIP_WEB_BUILD=1, not building the web app');
  process.exit(0);
}
let vite;
try {
  vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');
} catch {
  console.warn('inmail: Vite is not installed, so the web app was not built; run `npm run build:web` later.');
  process.exit(0);
}
const r = spawnSync(process.execPath, [vite, 'build', 'web', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
if (r.status === 0) console.log('inmail: web app built into web/dist');
process.exit(r.status ?? 1);
