/**
 * The one way the web app talks to the server: same-origin fetch with the session cookie, JSON in
 * and out, and every non-2xx answer turned into an ApiError carrying the problem document.
 */

export interface FieldError {
  field: string;
  message: string;
  code?: string;
}

/** RFC 9457 problem details as the API sends them, with our stable `code`. */
export interface Problem {
  status: number;
  code: string;
  detail: string;
  title?: string;
  errors?: FieldError[];
  requestId?: string;
  [extra: string]: unknown;
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    public readonly problem: Problem,
    public readonly method: string,
    public readonly path: string,
  ) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
  }

  get status() {
    return this.problem.status;
  }

  get code() {
    return this.problem.code;
  }

  /** The server has no such route yet: the feature behind it is not available on this server. */
  get missingRoute() {
    return this.problem.code === 'route_not_found';
  }

  /** The message for one field, matched on the last part of its path ("body.subject" -> "subject"). */
  fieldError(field: string): string | undefined {
    return this.problem.errors?.find((e) => e.field === field || e.field.split('.').pop() === field)?.message;
  }
}

/** Called on any 401, so the app can return to the login screen when a session ends. */
let onUnauthenticated: (() => void) | null = null;
export function setUnauthenticatedHandler(fn: (() => void) | null) {
  onUnauthenticated = fn;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(
      { status: 0, code: 'network_error', detail: 'The server could not be reached. Check your connection.' },
      method,
      path,
    );
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const p =
      data && typeof data === 'object' && 'code' in data
        ? (data as Problem)
        : { status: res.status, code: `http_${res.status}`, detail: res.statusText || 'Request failed' };
    const err = new ApiError({ ...p, status: res.status }, method, path);
    if (res.status === 401 && !path.startsWith('/v1/auth/login')) onUnauthenticated?.();
    throw err;
  }
  return data as T;
}

/** Query string from the defined values only. */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

/**
 * A fresh Idempotency-Key. crypto.randomUUID exists only in secure contexts (https, localhost);
 * a self-hosted server reached over plain http on a LAN still needs keys, so fall back to
 * getRandomValues, which exists everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
