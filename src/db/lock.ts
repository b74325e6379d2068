/**
 * An exclusive lock on the embedded database's data directory.
 *
 * Two processes opening one PGlite directory destroy it (see ../shared/stack.md), so the process
 * that opens it first writes `inmail.lock` with O_EXCL and keeps it until it exits. The lock file
 * names its holder (pid, host, command, start time) so the refusal can say who holds it.
 *
 * A lock left by a process that died (SIGKILL, power loss) is taken over when its pid is no longer
 * alive on this host. The takeover itself is guarded by an atomic mkdir, so two processes starting
 * at once after a crash cannot both take it. We do this by hand rather than with proper-lockfile,
 * whose mtime-based staleness needs a refresh timer and makes a restart after a crash wait, and
 * which cannot name the holder.
 */
import { hostname } from 'node:os';
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

export interface LockHolder {
  pid: number;
  hostname: string;
  command: string;
  startedAt: string;
}

export class DataDirLockedError extends Error {
  constructor(
    public readonly dir: string,
    public readonly holder: LockHolder | null,
  ) {
    super(
      `The data directory ${dir} is in use by another InMail process` +
        (holder
          ? ` (pid ${holder.pid} on ${holder.hostname}, "${holder.command}", since ${holder.startedAt}).`
          : ' (its lock file could not be read).') +
        ' Two processes must never open one embedded database: stop the other process, use another' +
        ' INMAIL_DATA_DIR, or set DATABASE_URL to share a PostgreSQL server between processes.',
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DirLock {
  readonly path: string;
  release(): void;
}

const LOCK_FILE = 'inmail.lock';

function readHolder(path: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
    return typeof h.pid === 'number' ? h : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isStale(holder: LockHolder | null): boolean {
  if (!holder) return false; // unreadable: be safe, treat as held
  if (holder.hostname !== hostname()) return false; // cannot check a pid on another host
  return holder.pid !== process.pid && !isAlive(holder.pid);
}

function tryCreate(path: string, holder: LockHolder): boolean {
  try {
    const fd = openSync(path, 'wx', 0o644);
    try {
      writeSync(fd, JSON.stringify(holder));
    } finally {
      closeSync(fd);
    }
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/**
 * Takes the lock on `dir` (created if missing) or throws DataDirLockedError naming the holder.
 *
 * @example
 * const lock = acquireDirLock('./data');
 * try { ... } finally { lock.release(); }
 */
export function acquireDirLock(dir: string, command = process.argv.slice(1).join(' ')): DirLock {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const me: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    command,
    startedAt: new Date().toISOString(),
  };

  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(path, me)) return makeLock(path);
    const holder = readHolder(path);
    if (!isStale(holder)) throw new DataDirLockedError(dir, holder);

    // The holder is dead: take over, one process at a time.
    const guard = path + '.takeover';
    try {
      mkdirSync(guard);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // Someone else is taking over; a guard older than 10 s was left by a crash mid-takeover.
      if (Date.now() - statSync(guard).mtimeMs > 10_000) rmdirSync(guard);
      throw new DataDirLockedError(dir, readHolder(path));
    }
    try {
      const again = readHolder(path);
      if (again && again.pid === holder?.pid && isStale(again)) unlinkSync(path);
      if (tryCreate(path, me)) return makeLock(path);
    } finally {
      rmdirSync(guard);
    }
  }
  throw new DataDirLockedError(dir, readHolder(path));
}

function makeLock(path: string): DirLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    const holder = readHolder(path);
    if (holder?.pid === process.pid) unlinkSync(path);
  };
  // A process that ends without closing the database still leaves the directory reusable.
  process.on('exit', release);
  return { path, release };
}
