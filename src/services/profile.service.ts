/**
 * A member's own profile: read it, and change it. Every change rewrites the member's search row in
 * the same transaction, so searches and saved-search alerts see the new profile at once.
 */
import type { Clock } from '../clock.ts';
import { notFound } from '../domain/errors.ts';
import type { MemberProfile } from '../domain/profile.ts';
import type { Store } from '../repositories/index.ts';
import { profileFromRow } from '../repositories/member-profile.ts';

/** Fields a member may change; lists replace the old list, `location` is replaced as a whole. */
export type ProfilePatch = Partial<Omit<MemberProfile, 'id'>>;

export class ProfileService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async get(memberId: string): Promise<MemberProfile> {
    const row = await this.store.repos.members.get(memberId);
    if (!row) throw notFound('member');
    return profileFromRow(row);
  }

  async update(memberId: string, patch: ProfilePatch): Promise<MemberProfile> {
    return this.store.tx(async (r) => {
      const row = await r.members.getForUpdate(memberId);
      if (!row) throw notFound('member');
      const profile: MemberProfile = { ...profileFromRow(row), ...patch, id: memberId };
      await r.members.updateProfile(profile, this.clock.now());
      return profile;
    });
  }
}
