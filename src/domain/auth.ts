/**
 * Roles, API key scopes and what each allows. Pure rules, shared by the HTTP layer and services.
 */

export const ROLES = ['org_admin', 'recruiter', 'hiring_manager'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Scopes an API key can carry. A key acts for its organization with the rights of the user who
 * created it, narrowed to its scopes.
 */
export const SCOPES = [
  'members:read',
  'search:read',
  'inmails:read',
  'inmails:write',
  'seats:read',
  'seats:admin',
  'templates:read',
  'templates:write',
  'campaigns:read',
  'campaigns:write',
  'analytics:read',
  'projects:read',
  'projects:write',
  'events:read',
] as const;
export type Scope = (typeof SCOPES)[number];

/** Who is making a request, after authentication. */
export interface Principal {
  via: 'session' | 'api_key';
  /** The person's account; null for an API key. */
  accountId: string | null;
  /** The organization user acting (for an API key: its creator), if any. */
  user: { id: string; orgId: string; roles: Role[]; firstName: string; lastName: string } | null;
  /** The person's member profile on the network, if they have one. */
  memberId: string | null;
  /** API key scopes; null for a session (all that the roles allow). */
  scopes: Scope[] | null;
  sessionId: string | null;
  apiKeyId: string | null;
}

/**
 * Whether a principal has one of the roles and, for an API key, the scope.
 *
 * @example
 * allows(principal, { roles: ['org_admin'], scope: 'seats:admin' })
 */
export function allows(p: Principal, need: { roles?: readonly Role[]; scope?: Scope }): boolean {
  if (need.roles && need.roles.length > 0) {
    if (!p.user || !need.roles.some((r) => p.user!.roles.includes(r))) return false;
  }
  if (need.scope && p.scopes !== null && !p.scopes.includes(need.scope)) return false;
  return true;
}
