/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies in tests are checked by assertions */
/** A tiny API client over app.inject() for readable tests. */
import type { App } from '../../src/http/app.ts';
import { seedUuid } from '../../src/seed/ids.ts';
import { login } from './app.ts';

/** The id of demo member N (member1@demo.test is index 0). */
export function memberId(n: number): string {
  return seedUuid('member', n - 1);
}

export interface Res<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

export interface Client {
  token: string;
  get<T = any>(url: string): Promise<Res<T>>;
  post<T = any>(url: string, payload?: unknown, headers?: Record<string, string>): Promise<Res<T>>;
  patch<T = any>(url: string, payload?: unknown): Promise<Res<T>>;
  put<T = any>(url: string, payload?: unknown): Promise<Res<T>>;
  del<T = any>(url: string): Promise<Res<T>>;
}

export async function as(app: App, email: string): Promise<Client> {
  const token = await login(app, email);
  const call = async (
    method: string,
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const r = await app.inject({
      method: method as 'GET',
      url,
      headers: { authorization: `Bearer ${token}`, ...headers },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    return { status: r.statusCode, body: r.body ? r.json() : null, headers: r.headers };
  };
  return {
    token,
    get: (url) => call('GET', url),
    post: (url, payload, headers) => call('POST', url, payload ?? {}, headers),
    patch: (url, payload) => call('PATCH', url, payload ?? {}),
    put: (url, payload) => call('PUT', url, payload ?? {}),
    del: (url) => call('DELETE', url),
  };
}
