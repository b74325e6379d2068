#!/usr/bin/env node
// Runs the whole test suite with node's test runner (Node 20 has no glob support in --test, so we
// list the files ourselves). Before the files run, a migrated database template is prepared once
// (test/support/prepare.ts) and handed to every test file through the environment, so each file
// gets a fresh database in well under a second instead of running initdb and migrations again.
//
//   npm test                      all tests on PGlite (or on PostgreSQL when DATABASE_URL is set)
//   npm test -- src/domain        only the files under a path (or a single file)
//   INMAIL_TEST_BROWSER=0 npm test    skip the browser tests even if Chromium is installed
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function collect(path, out) {
  const st = statSync(path);
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      collect(join(path, name), out);
    }
  } else if (/\.test\.tsx?$/.test(path)) {
    out.push(relative(root, path));
  }
  return out;
}

const args = process.argv.slice(2);
const roots = args.length ? args : ['src', 'test', 'web/src'];
const files = roots.flatMap((r) => {
  try {
    return collect(join(root, r), []);
  } catch {
    return [];
  }
});
if (files.length === 0) {
  console.error(`no test files under ${roots.join(', ')}`);
  process.exit(1);
}

const env = { ...process.env, NODE_ENV: 'test', TZ: 'UTC' };
const prep = spawnSync(process.execPath, ['--import', 'tsx', 'test/support/prepare.ts'], {
  cwd: root,
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
  encoding: 'utf8',
});
if (prep.status !== 0) {
  console.error('test setup failed');
  process.exit(prep.status ?? 1);
}
for (const line of prep.stdout.split('\n')) {
  const m = /^(\w+)=(.*)$/.exec(line.trim());
  if (m) env[m[1]] = m[2];
}

const concurrency = process.env.INMAIL_TEST_CONCURRENCY ?? '2';
const res = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files],
  { cwd: root, env, stdio: 'inherit' },
);
spawnSync(process.execPath, ['--import', 'tsx', 'test/support/cleanup.ts'], {
  cwd: root,
  env,
  stdio: 'inherit',
});
process.exit(res.status ?? 1);
