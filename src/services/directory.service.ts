/**
 * Who someone is in the product: their account, organization, roles and member profile.
 */
import type { Principal, Role } from '../domain/auth.ts';
import type { Clock } from '../clock.ts';
import { conflict, unprocessable } from '../domain/errors.ts';
import { hashPassword } from './crypto.ts';
import { notFound } from '../domain/errors.ts';
import type { Store } from '../repositories/index.ts';
import type { UserRow } from '../repositories/user.repository.ts';
import type { CreditService, SeatView } from './credit.service.ts';

export interface MeView {
  via: 'session' | 'api_key';
  account: { id: string; email: string } | null;
  organization: { id: string; name: string; slug: string } | null;
  user: { id: string; firstName: string; lastName: string; title: string; roles: string[] } | null;
  memberId: string | null;
  scopes: string[] | null;
  /** The seat the user holds, if any. */
  seat: SeatView | null;
}

export class DirectoryService {
  constructor(
    private readonly store: Store,
    private readonly credits: CreditService,
    private readonly clock: Clock,
  ) {}

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
      seat: user ? await this.credits.seatOfUser(user.org_id, user.id) : null,
    };
  }

  private async emailOf(accountId: string): Promise<string | null> {
    return (await this.store.repos.accounts.emailById(accountId)) ?? null;
  }

  async users(orgId: string): Promise<UserView[]> {
    const { repos } = this.store;
    const seats = new Map(
      (await repos.seats.list(orgId)).filter((x) => x.user_id).map((x) => [x.user_id!, x.id]),
    );
    return (await repos.users.list(orgId)).map((u) => userView(u, seats.get(u.id) ?? null));
  }

  async createUser(
    orgId: string,
    actorUserId: string,
    input: {
      email: string;
      firstName: string;
      lastName: string;
      title: string;
      roles: Role[];
      password: string;
    },
  ): Promise<UserView> {
    const hash = await hashPassword(input.password);
    const now = this.clock.now();
    return this.store.tx(async (r) => {
      if (await r.accounts.findByEmail(input.email)) {
        throw conflict('email_taken', 'An account with this email exists already');
      }
      const accountId = await r.accounts.create(input.email, hash);
      const id = await r.users.create({
        orgId,
        accountId,
        firstName: input.firstName,
        lastName: input.lastName,
        title: input.title,
        roles: [...new Set(input.roles)],
      });
      await r.events.append({
        type: 'user.created',
        occurredAt: now,
        orgId,
        actorUserId,
        data: { userId: id, roles: input.roles },
      });
      return userView((await r.users.get(orgId, id))!, null);
    });
  }

  async updateUser(
    orgId: string,
    actorUserId: string,
    id: string,
    patch: { roles?: Role[] | undefined; disabled?: boolean | undefined },
  ): Promise<UserView> {
    const now = this.clock.now();
    return this.store.tx(async (r) => {
      const user = await r.users.get(orgId, id);
      if (!user) throw notFound('user');
      const removingAdmin = (patch.roles && !patch.roles.includes('org_admin')) || patch.disabled === true;
      if (user.roles.includes('org_admin') && removingAdmin) {
        const admins = (await r.users.list(orgId)).filter(
          (u) => u.roles.includes('org_admin') && !u.disabled_at,
        );
        if (admins.length <= 1)
          throw unprocessable('last_admin', 'An organization keeps at least one active admin');
      }
      if (patch.roles) await r.users.setRoles(orgId, id, [...new Set(patch.roles)]);
      if (patch.disabled !== undefined) await r.users.setDisabled(orgId, id, patch.disabled ? now : null);
      await r.events.append({
        type: 'user.updated',
        occurredAt: now,
        orgId,
        actorUserId,
        data: { userId: id, ...patch },
      });
      const seat = await r.seats.byUser(orgId, id);
      return userView((await r.users.get(orgId, id))!, seat?.id ?? null);
    });
  }

  async events(orgId: string, after: number, limit: number, types: string[] | null) {
    return (await this.store.repos.events.page(orgId, after, limit, types)).map((e) => ({
      id: e.id,
      type: e.type,
      occurredAt: e.occurred_at,
      actorUserId: e.actor_user_id,
      actorMemberId: e.actor_member_id,
      seatId: e.seat_id,
      recipientMemberId: e.recipient_member_id,
      inmailId: e.inmail_id,
      threadId: e.thread_id,
      campaignId: e.campaign_id,
      data: e.data,
    }));
  }
}

export interface UserView {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  title: string;
  roles: string[];
  memberId: string | null;
  seatId: string | null;
  disabled: boolean;
}

function userView(u: UserRow, seatId: string | null): UserView {
  return {
    id: u.id,
    email: u.email,
    firstName: u.first_name,
    lastName: u.last_name,
    title: u.title,
    roles: u.roles,
    memberId: u.member_id,
    seatId,
    disabled: u.disabled_at !== null,
  };
}
