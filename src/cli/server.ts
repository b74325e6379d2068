import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import { startInMail, WEB_ROOT, type Mode } from '../main.ts';
import { DEMO_USERS } from '../services/demo.service.ts';

function banner(
  config: Config,
  url: string | null,
  mode: Mode,
  backend: string,
  location: string,
  demo: boolean,
) {
  const lines = [''];
  if (url) {
    lines.push(`InMail is running at ${url}`);
    lines.push(`  API reference:  ${url}/docs   (OpenAPI: ${url}/openapi.json)`);
    if (!existsSync(join(WEB_ROOT, 'index.html'))) {
      // `npm install` builds the web app; an install without the build tools, or a checkout
      // without `npm install`, serves the API only.
      lines.push(
        '  Web app:        not built, so only the API is served; run `npm run build:web` and restart',
      );
    }
  } else {
    lines.push('InMail worker is running (no HTTP in this process)');
  }
  lines.push(`  Mode:           ${mode}`);
  lines.push(
    `  Database:       ${backend === 'pglite' ? `embedded PGlite in ${location}` : `PostgreSQL ${location}`}`,
  );
  if (demo && url) {
    lines.push(
      '',
      `Demo logins (password: ${config.demoPassword === 'demo-password' ? 'demo-password' : 'INMAIL_DEMO_PASSWORD'}):`,
    );
    for (const u of DEMO_USERS) {
      lines.push(
        `  ${u.email.padEnd(28)} ${u.roles.join(', ')} (${u.org === 'demo' ? 'Demo Agency' : 'Northwind Talent'})`,
      );
    }
    lines.push(
      `  ${'member1@demo.test'.padEnd(28)} ... member${config.demoMembers}@demo.test: members of the network`,
    );
  }
  lines.push('', 'Stop with Ctrl+C (SIGINT) or SIGTERM: requests and jobs in flight finish first.', '');
  process.stdout.write(lines.join('\n') + '\n');
}

export async function runServer(mode: Mode, config: Config): Promise<void> {
  const log = (line: string) => process.stderr.write(`inmail: ${line}\n`);
  const running = await startInMail({ config, mode, log });
  const demo = mode === 'start' && config.demo && (await running.services.demo.isLoaded());
  banner(config, running.url, mode, running.database.backend, running.database.location, demo);

  let signals = 0;
  const onSignal = (sig: NodeJS.Signals) => {
    signals++;
    if (signals > 1) {
      log(`${sig} again: exiting now`);
      process.exit(1);
    }
    log(`${sig}: shutting down (finishing requests and jobs in flight) ...`);
    running.stop().then(
      () => {
        log('stopped cleanly');
        process.exit(0);
      },
      (err: unknown) => {
        log(`shutdown failed: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
