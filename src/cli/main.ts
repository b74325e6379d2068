/**
 * The `inmail` command line. Configuration comes from the environment; flags override it.
 */
import { Command, Option } from 'commander';
import { CONFIG_VARIABLES, ConfigError, loadConfig, type Config } from '../config.ts';
import { DataDirLockedError } from '../db/lock.ts';
import { MigrationError } from '../db/migrate.ts';
import { commonCommands } from './commands.ts';
import { runServer } from './server.ts';

export interface GlobalFlags {
  port?: string;
  dataDir?: string;
  databaseUrl?: string;
}

/** Environment plus flags, validated; a bad value names the variable and exits with 2. */
export function configFrom(flags: GlobalFlags): Config {
  const env = { ...process.env };
  if (flags.port !== undefined) env.PORT = flags.port;
  if (flags.dataDir !== undefined) env.INMAIL_DATA_DIR = flags.dataDir;
  if (flags.databaseUrl !== undefined) env.DATABASE_URL = flags.databaseUrl;
  return loadConfig(env);
}

export function fail(err: unknown): never {
  if (err instanceof ConfigError || err instanceof DataDirLockedError || err instanceof MigrationError) {
    console.error(`inmail: ${err.message}`);
    process.exit(err instanceof ConfigError ? 2 : 3);
  }
  console.error('inmail: failed:', err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
}

async function serve(mode: 'start' | 'serve' | 'worker', flags: GlobalFlags) {
  try {
    await runServer(mode, configFrom(flags));
  } catch (err) {
    fail(err);
  }
}

const program = new Command('inmail')
  .description('InMail: self-hostable paid direct messaging and the recruiter workbench on it')
  .showHelpAfterError()
  .addHelpText(
    'after',
    `\nConfiguration is read from environment variables (flags override them):\n  ${CONFIG_VARIABLES.join(', ')}\nSee README.md, "Configuration".`,
  );

const serverFlags = (cmd: Command) =>
  cmd
    .addOption(new Option('-p, --port <port>', 'HTTP port (env PORT, default 3000)'))
    .addOption(
      new Option('-d, --data-dir <dir>', 'embedded database directory (env INMAIL_DATA_DIR, default ./data)'),
    )
    .addOption(
      new Option('--database-url <url>', 'PostgreSQL URL (env DATABASE_URL); embedded PGlite when unset'),
    );

serverFlags(
  program
    .command('start')
    .description(
      'Migrate, then run the API, the jobs and the web app in one process (loads demo data on first start)',
    ),
).action((flags: GlobalFlags) => serve('start', flags));

serverFlags(
  program.command('serve').description('Run only the HTTP API (jobs are run by `inmail worker` processes)'),
).action((flags: GlobalFlags) => serve('serve', flags));

serverFlags(program.command('worker').description('Run only the job workers and schedules (no HTTP)')).action(
  (flags: GlobalFlags) => serve('worker', flags),
);

commonCommands(program, serverFlags);

await program.parseAsync(process.argv);
