import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from './client.ts';
import type { Page } from './types.ts';

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  /** Load again (after a change), keeping the current data on screen meanwhile. */
  reload: () => void;
  /** When the data on screen was loaded (ms since the epoch), or null. */
  updatedAt: number | null;
  /** Replace the data locally (after a write that returned the new state). */
  setData: (update: T | ((prev: T | undefined) => T | undefined)) => void;
}

function asApiError(err: unknown, path: string): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError(
    { status: 0, code: 'client_error', detail: err instanceof Error ? err.message : String(err) },
    'GET',
    path,
  );
}

/**
 * GETs `path` (null: nothing to load yet) and tracks loading and error state. With `post`, the
 * request is a POST of that body instead (for reads that take a body, such as a template preview);
 * a change of the body is a new request, like a change of the path.
 */
export function useApi<T>(path: string | null, post?: unknown): Resource<T> {
  const [tick, setTick] = useState(0);
  const postKey = post === undefined ? null : JSON.stringify(post);
  const target = path === null ? null : postKey === null ? path : `${path} ${postKey}`;
  // Loading is derived: the latest settled request is not the one for the current key. Data from
  // an earlier load of the same path stays on screen while reloading; another path's never does.
  const key = target === null ? null : `${tick} ${target}`;
  const [result, setResult] = useState<{
    key: string | null;
    path: string | null;
    data: T | undefined;
    error: ApiError | null;
    at: number | null;
  }>({ key: null, path: null, data: undefined, error: null, at: null });

  useEffect(() => {
    if (key === null || path === null || target === null) return;
    const ctl = new AbortController();
    const request =
      postKey === null
        ? api<T>(path, { signal: ctl.signal })
        : api<T>(path, { method: 'POST', body: JSON.parse(postKey) as unknown, signal: ctl.signal });
    request.then(
      (data) => setResult({ key, path: target, data, error: null, at: Date.now() }),
      (err: unknown) => {
        if (ctl.signal.aborted) return;
        setResult((prev) => ({
          key,
          path: target,
          data: prev.path === target ? prev.data : undefined,
          error: asApiError(err, path),
          at: prev.path === target ? prev.at : null,
        }));
      },
    );
    return () => ctl.abort();
  }, [key, path, postKey, target]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  const setData = useCallback(
    (update: T | ((prev: T | undefined) => T | undefined)) =>
      setResult((prev) => ({
        ...prev,
        data:
          typeof update === 'function'
            ? (update as (prev: T | undefined) => T | undefined)(prev.data)
            : update,
      })),
    [],
  );
  const same = result.path === target;
  return {
    data: same ? result.data : undefined,
    error: same ? result.error : null,
    loading: key !== null && result.key !== key,
    updatedAt: same ? result.at : null,
    reload,
    setData,
  };
}

/**
 * Like useApi, but while a new request for another path or body is in flight the last answer stays
 * on screen (marked stale): for live previews that refresh as the user types.
 */
export function useLatest<T>(r: Resource<T>): { data: T | undefined; stale: boolean } {
  const [last, setLast] = useState<T | undefined>(undefined);
  if (r.data !== undefined && r.data !== last) setLast(r.data);
  return { data: r.data ?? last, stale: r.data === undefined && last !== undefined };
}

/** Calls `fn` every `ms` milliseconds while `ms` is not null and the page is visible. */
export function useInterval(fn: () => void, ms: number | null) {
  const ref = useRef(fn);
  useEffect(() => {
    ref.current = fn;
  });
  useEffect(() => {
    if (ms === null) return;
    const t = window.setInterval(() => {
      if (document.visibilityState === 'visible') ref.current();
    }, ms);
    return () => window.clearInterval(t);
  }, [ms]);
}

/** `value`, once it has stopped changing for `ms` milliseconds (for checks while typing). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(t);
  }, [value, ms]);
  return settled;
}

export interface PagedResource<T> {
  items: T[];
  error: ApiError | null;
  loading: boolean;
  /** True while a further page is loading. */
  loadingMore: boolean;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
  /** The whole last response (for extra fields such as `unread`). */
  last: (Page<T> & Record<string, unknown>) | undefined;
  update: (fn: (items: T[]) => T[]) => void;
}

interface PagedState<T> {
  key: string | null;
  path: string | null;
  items: T[];
  last: (Page<T> & Record<string, unknown>) | undefined;
  error: ApiError | null;
}

/** A cursor-paged list: the first page, then more on request. `path` must not carry a cursor. */
export function usePaged<T>(path: string | null, limit = 25): PagedResource<T> {
  const [tick, setTick] = useState(0);
  const key = path === null ? null : `${tick} ${limit} ${path}`;
  const [state, setState] = useState<PagedState<T>>({
    key: null,
    path: null,
    items: [],
    last: undefined,
    error: null,
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const current = useRef(key);
  useEffect(() => {
    current.current = key;
  }, [key]);

  useEffect(() => {
    if (key === null || path === null) return;
    const ctl = new AbortController();
    api<Page<T> & Record<string, unknown>>(pageUrl(path, limit, null), { signal: ctl.signal }).then(
      (p) => setState({ key, path, items: p.items, last: p, error: null }),
      (err: unknown) => {
        if (ctl.signal.aborted) return;
        setState((prev) => ({
          key,
          path,
          items: prev.path === path ? prev.items : [],
          last: prev.path === path ? prev.last : undefined,
          error: asApiError(err, path),
        }));
      },
    );
    return () => ctl.abort();
  }, [key, path, limit]);

  const cursor = state.key === key ? (state.last?.nextCursor ?? null) : null;
  const loadMore = useCallback(() => {
    if (!cursor || path === null || key === null) return;
    setLoadingMore(true);
    api<Page<T> & Record<string, unknown>>(pageUrl(path, limit, cursor)).then(
      (p) => {
        setLoadingMore(false);
        // A reload in the meantime wins over this older page.
        if (current.current !== key) return;
        setState((prev) => ({ ...prev, items: [...prev.items, ...p.items], last: p }));
      },
      (err: unknown) => {
        setLoadingMore(false);
        setState((prev) => ({ ...prev, error: asApiError(err, path) }));
      },
    );
  }, [cursor, path, limit, key]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  const update = useCallback(
    (fn: (items: T[]) => T[]) => setState((prev) => ({ ...prev, items: fn(prev.items) })),
    [],
  );
  const same = state.path === path;
  return {
    items: same ? state.items : [],
    error: same ? state.error : null,
    loading: key !== null && state.key !== key,
    loadingMore,
    hasMore: cursor !== null,
    loadMore,
    reload,
    last: same ? state.last : undefined,
    update,
  };
}

function pageUrl(path: string, limit: number, cursor: string | null): string {
  const sep = path.includes('?') ? '&' : '?';
  return `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
}

/**
 * Runs a write (a POST, a PATCH ...) and tracks its pending and error state. `run` resolves to
 * the result, or to undefined when it failed (the error is then in `error`).
 */
export function useAction<A extends unknown[], R>(fn: (...args: A) => Promise<R>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const busy = useRef(false);
  const fnRef = useRef(fn);
  useEffect(() => {
    fnRef.current = fn;
  });

  const run = useCallback(async (...args: A): Promise<R | undefined> => {
    // A second click while the first is in flight does nothing.
    if (busy.current) return undefined;
    busy.current = true;
    setPending(true);
    setError(null);
    try {
      return await fnRef.current(...args);
    } catch (err) {
      setError(asApiError(err, ''));
      return undefined;
    } finally {
      busy.current = false;
      setPending(false);
    }
  }, []);
  const clear = useCallback(() => setError(null), []);
  return { run, pending, error, clear };
}
