/**
 * Who someone is in the product: their account, organization, roles and member profile.
 */
import type { Principal } from '../domain/auth.ts';
import { notFound } from '../domain/errors.ts';
import type { Store } from '../repositories/index.ts';

export interface MeView {
  via: 'session' | 'api_key';
  account: { id: string; email: string } | null;
  organization: { id: string; name: string; slug: string } | null;
  user: { id: string; firstName: string; lastName: string; title: string; roles: string[] } | null;
  memberId: string | null;
  scopes: string[] | null;
}

export class DirectoryService {
  constructor(private readonly store: Store) {}

  async me(p: Principal): Promise<MeView> {
    const { repos } = this.store;
    const user = p.user ? await repos.users.get(p.user.orgId, p.user.id) : undefined;
    const org = p.user ? await repos.organizations.get(p.user.orgId) : undefined;
    if (p.user && (!user || !org)) throw notFound('user');
    const email = p.accountId
      ? user?.account_id === p.accountId
        ? user.email
        : await this.emailOf(p.accountId)
      : null;
    return {
      via: p.via,
      account: p.accountId && email ? { id: p.accountId, email } : null,
      organization: org ? { id: org.id, name: org.name, slug: org.slug } : null,
      user: user
        ? {
            id: user.id,
            firstName: user.first_name,
            lastName: user.last_name,
            title: user.title,
            roles: user.roles,
          }
        : null,
      memberId: p.memberId,
      scopes: p.scopes,
    };
  }

  private async emailOf(accountId: string): Promise<string | null> {
    return (await this.store.repos.accounts.emailById(accountId)) ?? null;
  }
}
