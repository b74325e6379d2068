import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { systemClock } from '../clock.ts';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { createServices } from '../services/index.ts';
import type { Config } from '../config.ts';
import { configFrom, fail, type GlobalFlags } from './main.ts';

/** Opens the database (taking the lock for PGlite), migrates, runs `fn`, closes. */
export async function withServices<T>(
  config: Config,
  fn: (s: ReturnType<typeof createServices>) => Promise<T>,
): Promise<T> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.poolSize,
    applicationName: 'inmail-cli',
  });
  try {
    await migrate(database.db);
    return await fn(createServices({ database, config, clock: systemClock, queue: null }));
  } finally {
    await database.close();
  }
}

export function commonCommands(program: Command, serverFlags: (c: Command) => Command) {
  serverFlags(
    program.command('migrate').description('Apply the database migrations that are not applied yet'),
  ).action(async (flags: GlobalFlags) => {
    try {
      const config = configFrom(flags);
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const applied = await migrate(database.db);
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
      } finally {
        await database.close();
      }
    } catch (err) {
      fail(err);
    }
  });

  serverFlags(
    program
      .command('seed')
      .description('Add synthetic members (accounts memberN@demo.test, demo password) with connections')
      .requiredOption('-m, --members <n>', 'how many members to add'),
  ).action(async (flags: GlobalFlags & { members: string }) => {
    try {
      const n = Number(flags.members);
      if (!Number.isInteger(n) || n < 1 || n > 5_000_000) {
        console.error('inmail seed: --members must be an integer between 1 and 5000000');
        process.exit(2);
      }
      const config = configFrom(flags);
      const started = Date.now();
      const bar = new SingleBar(
        { format: 'members {bar} {percentage}% | {value}/{total} | {eta_formatted} left', etaBuffer: 20 },
        Presets.shades_classic,
      );
      bar.start(n, 0);
      const r = await withServices(config, (s) =>
        s.demo.addSynthetic(n, config.demoPassword, (done) => bar.update(done)),
      );
      bar.stop();
      const secs = (Date.now() - started) / 1000;
      console.log(
        `added members member${r.from}..member${r.to}@demo.test in ${secs.toFixed(1)} s (${Math.round(n / secs)} members/s)`,
      );
    } catch (err) {
      fail(err);
    }
  });
}
