/**
 * Login, sessions, API keys: who is calling. Tokens and keys are random, shown once, and stored
 * only as SHA-256 hashes; passwords as scrypt hashes.
 */
import type { Clock } from '../clock.ts';
import { SCOPES, type Principal, type Role, type Scope } from '../domain/auth.ts';
import { DomainError, invalid, notFound } from '../domain/errors.ts';
import type { Store } from '../repositories/index.ts';
import type { ApiKeyRow } from '../repositories/api-key.repository.ts';
import { dummyPasswordHash, newToken, sha256, verifyPassword } from './crypto.ts';

export interface AuthSettings {
  sessionTtlHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
}

export interface LoginResult {
  token: string;
  expiresAt: Date;
  accountId: string;
}

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  createdBy: string;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

function viewKey(k: ApiKeyRow): ApiKeyView {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    scopes: k.scopes,
    createdAt: k.created_at,
    createdBy: k.created_by,
    expiresAt: k.expires_at,
    lastUsedAt: k.last_used_at,
    revokedAt: k.revoked_at,
  };
}

const invalidCredentials = () =>
  new DomainError('unauthenticated', 'invalid_credentials', 'The email or password is not correct');

export class AuthService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly settings: AuthSettings,
  ) {}

  /**
   * Checks the password and opens a session. Failures are counted per address; after
   * `loginMaxFailures` in a window the address is locked for `loginLockMinutes`, even for the
   * right password, and the caller learns when to retry.
   */
  async login(
    emailInput: string,
    password: string,
    meta: { userAgent?: string | undefined; ip?: string | undefined } = {},
  ): Promise<LoginResult> {
    const email = emailInput.trim().toLowerCase();
    const now = this.clock.now();
    const { repos } = this.store;
    const locked = await repos.loginThrottle.lockedUntil(email, now);
    if (locked) throw this.tooManyAttempts(locked, now);

    const account = await repos.accounts.findByEmail(email);
    const ok = await verifyPassword(password, account?.password_hash ?? (await dummyPasswordHash()));
    if (!account || !ok) {
      const lockedNow = await repos.loginThrottle.recordFailure(
        email,
        now,
        this.settings.loginMaxFailures,
        this.settings.loginLockMinutes,
      );
      if (lockedNow && lockedNow > now) throw this.tooManyAttempts(lockedNow, now);
      throw invalidCredentials();
    }

    const token = newToken('ims');
    const expiresAt = new Date(now.getTime() + this.settings.sessionTtlHours * 3_600_000);
    await this.store.tx(async (r) => {
      await r.loginThrottle.clear(email);
      await r.accounts.touchLogin(account.id, now);
      await r.sessions.create({
        tokenHash: sha256(token),
        accountId: account.id,
        createdAt: now,
        expiresAt,
        userAgent: meta.userAgent?.slice(0, 500) ?? null,
        ip: meta.ip ?? null,
      });
    });
    return { token, expiresAt, accountId: account.id };
  }

  private tooManyAttempts(until: Date, now: Date): DomainError {
    const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
    return new DomainError(
      'rate_limited',
      'too_many_login_attempts',
      `Too many failed logins for this address; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`,
      { retryAfterSeconds },
    );
  }

  async logout(token: string): Promise<void> {
    const s = await this.store.repos.sessions.findByTokenHash(sha256(token));
    if (s) await this.store.repos.sessions.revoke(s.id, this.clock.now());
  }

  /**
   * Resolves a bearer token or session cookie value to a principal; undefined when the token is
   * unknown, expired or revoked.
   */
  async authenticate(token: string): Promise<Principal | undefined> {
    const now = this.clock.now();
    const hash = sha256(token);
    const { repos } = this.store;
    if (token.startsWith('imk_')) {
      const key = await repos.apiKeys.findByHash(hash);
      if (!key || key.revoked_at || (key.expires_at && key.expires_at <= now)) return undefined;
      const creator = await repos.users.get(key.org_id, key.created_by);
      if (!creator || creator.disabled_at) return undefined;
      await repos.apiKeys.touch(key.id, now);
      return {
        via: 'api_key',
        accountId: null,
        user: {
          id: creator.id,
          orgId: creator.org_id,
          roles: creator.roles,
          firstName: creator.first_name,
          lastName: creator.last_name,
        },
        memberId: null,
        scopes: key.scopes as Scope[],
        sessionId: null,
        apiKeyId: key.id,
      };
    }
    const s = await repos.sessions.resolve(hash);
    if (!s || s.revoked_at || s.expires_at <= now) return undefined;
    return {
      via: 'session',
      accountId: s.account_id,
      user:
        s.user_id && !s.disabled_at
          ? {
              id: s.user_id,
              orgId: s.org_id!,
              roles: (s.roles ?? []) as Role[],
              firstName: s.first_name!,
              lastName: s.last_name!,
            }
          : null,
      memberId: s.member_id,
      scopes: null,
      sessionId: s.id,
      apiKeyId: null,
    };
  }

  /** Creates an API key; the returned `key` is shown once and cannot be recovered. */
  async createApiKey(
    orgId: string,
    createdBy: string,
    input: { name: string; scopes: string[]; expiresAt?: Date | null | undefined },
  ): Promise<ApiKeyView & { key: string }> {
    const unknown = input.scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
    if (unknown.length) {
      throw invalid('unknown_scope', `Unknown scope(s): ${unknown.join(', ')}`, [
        { field: 'scopes', message: `Known scopes: ${SCOPES.join(', ')}` },
      ]);
    }
    const now = this.clock.now();
    if (input.expiresAt && input.expiresAt <= now) {
      throw invalid('invalid_expiry', 'The expiry must be in the future', [
        { field: 'expiresAt', message: 'must be in the future' },
      ]);
    }
    const key = newToken('imk');
    const row = await this.store.repos.apiKeys.create({
      orgId,
      createdBy,
      name: input.name,
      prefix: key.slice(0, 12),
      keyHash: sha256(key),
      scopes: [...new Set(input.scopes)],
      createdAt: now,
      expiresAt: input.expiresAt ?? null,
    });
    return { ...viewKey(row), key };
  }

  async listApiKeys(orgId: string): Promise<ApiKeyView[]> {
    return (await this.store.repos.apiKeys.list(orgId)).map(viewKey);
  }

  async revokeApiKey(orgId: string, id: string): Promise<ApiKeyView> {
    const row = await this.store.repos.apiKeys.revoke(orgId, id, this.clock.now());
    if (!row) throw notFound('API key');
    return viewKey(row);
  }
}

export type { Role };
