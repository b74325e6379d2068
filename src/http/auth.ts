/**
 * Who is calling: a bearer token (login token or API key) or the session cookie. Routes declare
 * what they need with `guard(...)`; the principal is then on `req.principal`.
 */
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { allows, type Principal, type Role, type Scope } from '../domain/auth.ts';
import { DomainError, forbidden } from '../domain/errors.ts';
import type { AuthService } from '../services/auth.service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export const SESSION_COOKIE = 'inmail_session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function credentials(req: FastifyRequest): { token: string; via: 'bearer' | 'cookie' } | null {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) {
      throw new DomainError(
        'unauthenticated',
        'invalid_authorization',
        'Use "Authorization: Bearer <token>"',
      );
    }
    return { token: m[1]!, via: 'bearer' };
  }
  const cookie = req.cookies?.[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

/**
 * A cookie rides along on cross-site requests, a bearer header does not. SameSite=Lax already
 * keeps cookies off cross-site POSTs; for defence in depth an unsafe request authenticated by
 * cookie must also come from our own origin when the browser says where it comes from.
 */
function checkOrigin(req: FastifyRequest) {
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.headers.origin;
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw forbidden('The request origin is not valid', 'csrf_rejected');
  }
  if (host !== req.headers.host) throw forbidden('Cross-site requests are not allowed', 'csrf_rejected');
}

export interface Need {
  roles?: readonly Role[];
  scope?: Scope;
  /** The caller must be a member of the network (their own inbox). */
  member?: boolean;
  /** The caller must be a user of an organization. */
  orgUser?: boolean;
  /**
   * API keys may only call routes that name a scope; this lets them call one that does not
   * (GET /v1/me, which describes the key itself).
   */
  anyApiKey?: boolean;
}

export function makeGuard(auth: AuthService) {
  async function resolve(req: FastifyRequest): Promise<Principal> {
    const cred = credentials(req);
    if (!cred) throw new DomainError('unauthenticated', 'unauthenticated', 'Log in or send a bearer token');
    const p = await auth.authenticate(cred.token);
    if (!p) {
      throw new DomainError(
        'unauthenticated',
        'invalid_token',
        'The token or session is unknown, expired or revoked; log in again',
      );
    }
    if (cred.via === 'cookie') checkOrigin(req);
    return p;
  }

  /** A preHandler that authenticates and checks `need`. */
  return function guard(need: Need = {}): preHandlerAsyncHookHandler {
    return async function (req: FastifyRequest, _reply: FastifyReply) {
      const p = await resolve(req);
      req.principal = p;
      if (p.via === 'api_key' && !need.scope && !need.anyApiKey) {
        throw forbidden('API keys cannot do this; log in as a user', 'api_key_not_allowed');
      }
      if (need.member && !p.memberId)
        throw forbidden('Only members of the network have an inbox', 'not_a_member');
      if ((need.orgUser || need.roles) && !p.user) {
        throw forbidden('Only users of an organization can do this', 'not_an_org_user');
      }
      if (!allows(p, need)) {
        throw forbidden(
          need.scope && p.scopes && !p.scopes.includes(need.scope)
            ? `The API key lacks the scope ${need.scope}`
            : `This needs one of the roles: ${need.roles?.join(', ')}`,
          need.scope && p.scopes && !p.scopes.includes(need.scope) ? 'missing_scope' : 'missing_role',
        );
      }
    };
  };
}
export type Guard = ReturnType<typeof makeGuard>;

/** The organization user behind a guarded request (guard({orgUser: true}) or roles ensured it). */
export function orgUser(req: FastifyRequest) {
  const u = req.principal?.user;
  if (!u) throw forbidden('Only users of an organization can do this', 'not_an_org_user');
  return u;
}

/** The member behind a guarded request (guard({member: true}) ensured it). */
export function memberId(req: FastifyRequest): string {
  const id = req.principal?.memberId;
  if (!id) throw forbidden('Only members of the network have an inbox', 'not_a_member');
  return id;
}
