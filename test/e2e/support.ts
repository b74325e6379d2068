/**
 * Browser tests: the real `inmail start` process on a temporary embedded database with the demo
 * data, serving the built web app, driven through Debian's Chromium by playwright-core (never a
 * downloaded browser). Files using this skip, with the reason printed, when Chromium is missing or
 * INMAIL_TEST_BROWSER=0.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const CHROMIUM = process.env.INMAIL_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'docs/screenshots');
export const PASSWORD = 'demo-password';

/** Why the browser tests cannot run here, or null when they can. */
export function skipReason(): string | null {
  if (process.env.INMAIL_TEST_BROWSER === '0') return 'INMAIL_TEST_BROWSER=0';
  // The browser tests always run the server on its embedded database (they load the demo data,
  // which must not land in a shared PostgreSQL), so the PostgreSQL pass of the suite would only
  // repeat them.
  if (process.env.DATABASE_URL) return 'they run in the embedded-database pass (DATABASE_URL is set)';
  if (!existsSync(CHROMIUM)) {
    return `no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set INMAIL_CHROMIUM)`;
  }
  return null;
}

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/**
 * Builds the web app when web/dist is missing or older than its sources (`npm install` builds it;
 * this catches edits made since).
 */
export function ensureWebBuild() {
  const index = join(ROOT, 'web/dist/index.html');
  const sources = Math.max(
    newestMtime(join(ROOT, 'web/src')),
    statSync(join(ROOT, 'web/index.html')).mtimeMs,
    statSync(join(ROOT, 'web/vite.config.ts')).mtimeMs,
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'web/prepare.js')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, INMAIL_SKIP_WEB_BUILD: '' },
  });
  if (r.status !== 0 || !existsSync(index)) {
    throw new Error(`building the web app failed:\n${r.stdout}\n${r.stderr}`);
  }
}

export interface Server {
  url: string;
  stop(): Promise<void>;
}

/** `inmail start` on a fresh data directory with a small demo; resolves once it listens. */
export async function startServer(): Promise<Server> {
  const dataDir = mkdtempSync(join(tmpdir(), 'inmail-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    INMAIL_DATA_DIR: dataDir,
    INMAIL_DEMO_MEMBERS: '200',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL; // always the embedded database: the demo must not land in a shared one
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin/inmail.js'), 'start'], {
    env,
    cwd: ROOT,
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in 120 s:\n${out}`)), 120_000);
    const check = () => {
      const m = /InMail is running at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        // The banner says localhost; the server listens on IPv4 only, so be explicit.
        resolve(m[1]!.replace('//localhost:', '//127.0.0.1:'));
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before listening:\n${out}`));
    });
  });
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(t);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Chromium with a fresh profile: playwright's launch() makes a new temporary user-data-dir each
 * time (and refuses a --user-data-dir argument). */
export async function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 812 };

/** A fresh browser context (its own cookies) that fails the test on any JavaScript dialog. */
export async function newContext(
  browser: Browser,
  baseURL: string,
  viewport = DESKTOP,
): Promise<{ context: BrowserContext; page: Page; dialogs: string[]; errors: string[] }> {
  const context = await browser.newContext({
    baseURL,
    viewport,
    deviceScaleFactor: 1,
    ...(viewport.width < 500 ? { isMobile: true, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const dialogs: string[] = [];
  const errors: string[] = [];
  // An alert() would mean a message body ran as script; a confirm() is the app's own.
  page.on('dialog', (d) => {
    if (d.type() === 'confirm') return void d.accept();
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, dialogs, errors };
}

export async function login(page: Page, email: string, password = PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('button', { name: 'Log out' }).waitFor();
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Let fonts and late data settle so the pictures are stable, and show no focus ring.
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.evaluate(
    'document.activeElement && document.activeElement.blur && document.activeElement.blur()',
  );
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/** Calls the API with a bearer token (for setup and for checking what the UI did). */
export async function apiAs(url: string, email: string) {
  const r = await fetch(`${url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (r.status !== 200) throw new Error(`login ${email}: ${r.status} ${await r.text()}`);
  const { token } = (await r.json()) as { token: string };
  return async <T>(
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<T> => {
    const res = await fetch(`${url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...init.headers,
        authorization: `Bearer ${token}`,
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  };
}
