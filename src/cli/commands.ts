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
      // One bar per phase: members (with their accounts and search rows), then their connections.
      const bars = {
        members: new SingleBar(
          {
            format: 'members     {bar} {percentage}% | {value}/{total} | {eta_formatted} left',
            etaBuffer: 20,
          },
          Presets.shades_classic,
        ),
        connections: new SingleBar(
          {
            format: 'connections {bar} {percentage}% | {value}/{total} members | {eta_formatted} left',
            etaBuffer: 20,
          },
          Presets.shades_classic,
        ),
      };
      let phase: 'members' | 'connections' = 'members';
      let membersDone = started;
      bars.members.start(n, 0);
      const r = await withServices(config, (s) =>
        s.demo.addSynthetic(n, config.demoPassword, (done, total, now) => {
          if (now !== phase) {
            bars[phase].stop();
            membersDone = Date.now();
            phase = now;
            bars[phase].start(total, 0);
          }
          bars[phase].update(done);
        }),
      );
      bars[phase].stop();
      const end = Date.now();
      const secs = (end - started) / 1000;
      console.log(
        `added members member${r.from}..member${r.to}@demo.test in ${secs.toFixed(1)} s (${Math.round(n / secs)} members/s; ` +
          `members and search index ${((membersDone - started) / 1000).toFixed(1)} s, connections ${((end - membersDone) / 1000).toFixed(1)} s)`,
      );
    } catch (err) {
      fail(err);
    }
  });

  serverFlags(
    program.command('seats').description('Every seat of every organization, with its balance'),
  ).action(async (flags: GlobalFlags) => {
    try {
      const config = configFrom(flags);
      const rows = await withServices(config, async (s) => s.store.repos.seats.listAll());
      if (rows.length === 0) {
        console.log('no seats');
        return;
      }
      console.table(
        rows.map((r) => ({
          seat: r.id,
          organization: r.org_name,
          holder: r.holder_first_name ? `${r.holder_first_name} ${r.holder_last_name}` : '(unassigned)',
          license: r.license_key,
          balance: r.balance,
          reserved: r.reserved,
          cap: r.rollover_cap,
          renews: r.renews_at.toISOString().slice(0, 10),
        })),
      );
    } catch (err) {
      fail(err);
    }
  });

  serverFlags(
    program
      .command('ledger')
      .description("A seat's credit ledger, newest first")
      .argument('<seat>', 'the seat id (see `inmail seats`)')
      .option('-n, --limit <n>', 'entries to show', '50')
      .option('--check', 'compare the stored balance with the sum of the entries; exit 1 if they differ'),
  ).action(async (seat: string, flags: GlobalFlags & { limit: string; check?: boolean }) => {
    try {
      const config = configFrom(flags);
      if (!/^[0-9a-f-]{36}$/i.test(seat)) {
        console.error('inmail ledger: the seat must be a seat id (see `inmail seats`)');
        process.exit(2);
      }
      const ok = await withServices(config, async (s) => {
        const row = await s.store.repos.seats.findAnywhere(seat);
        if (!row) {
          console.error(`inmail ledger: no seat ${seat}`);
          return false;
        }
        const page = await s.credits.ledger(
          row.org_id,
          row.id,
          null,
          Math.max(1, Math.min(10_000, Number(flags.limit) || 50)),
        );
        console.table(
          page.items.map((e) => ({
            id: e.id,
            at: e.createdAt.toISOString().replace('T', ' ').slice(0, 19),
            kind: e.kind,
            amount: e.amount,
            reserved: e.reservedDelta,
            inmail: e.inmailId ?? '',
            reason: e.reason ?? '',
          })),
        );
        const v = await s.credits.verify(row.id);
        console.log(
          `balance ${row.balance}, reserved ${row.reserved}; sum of entries ${v.sums.balance} / ${v.sums.reserved}`,
        );
        if (flags.check && (v.sums.balance !== v.stored.balance || v.sums.reserved !== v.stored.reserved)) {
          console.error('the stored balance differs from the sum of the ledger');
          return false;
        }
        return true;
      });
      if (!ok) process.exit(1);
    } catch (err) {
      fail(err);
    }
  });

  serverFlags(
    program
      .command('campaigns')
      .description(
        'Every campaign with its status and progress; with an id and an action, pause, resume or cancel it',
      )
      .argument('[id]', 'a campaign id')
      .argument('[action]', 'pause | resume | cancel'),
  ).action(async (id: string | undefined, action: string | undefined, flags: GlobalFlags) => {
    try {
      const config = configFrom(flags);
      if (id && !/^[0-9a-f-]{36}$/i.test(id)) {
        console.error('inmail campaigns: the id must be a campaign id (see `inmail campaigns`)');
        process.exit(2);
      }
      if (action && !['pause', 'resume', 'cancel'].includes(action)) {
        console.error('inmail campaigns: the action is pause, resume or cancel');
        process.exit(2);
      }
      await withServices(config, async (s) => {
        const all = await s.store.repos.campaigns.listAll();
        const rows = id ? all.filter((c) => c.id === id) : all;
        if (id && rows.length === 0) {
          console.error(`inmail campaigns: no campaign ${id}`);
          process.exitCode = 1;
          return;
        }
        if (id && action) {
          const c = rows[0]!;
          const creator = (await s.store.repos.users.get(c.org_id, c.created_by))!;
          const v = await s.campaigns.act(
            { orgId: c.org_id, userId: creator.id, roles: ['org_admin'] },
            c.id,
            action as 'pause' | 'resume' | 'cancel',
          );
          console.log(`campaign ${c.id} is now ${v.status}`);
          return;
        }
        if (rows.length === 0) {
          console.log('no campaigns');
          return;
        }
        const out = [];
        for (const c of rows) {
          const v = await s.campaigns.get(c.org_id, c.id);
          out.push({
            campaign: c.id,
            organization: c.org_name,
            name: c.name,
            status: c.status,
            audience: c.audience_count ?? '',
            sent: Object.values(v.progress.sentByStep).reduce((a, b) => a + b, 0),
            waiting: v.progress.planned,
            personalize: v.progress.needsPersonalization,
            skipped: v.progress.skipped,
            done: v.progress.done,
            credits: `${v.progress.creditsSpent} spent, ${v.progress.creditsReserved} reserved`,
          });
        }
        console.table(out);
      });
    } catch (err) {
      fail(err);
    }
  });
}
