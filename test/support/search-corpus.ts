/**
 * The search tests' fixed corpus in the database: its profiles (search-corpus-profiles.ts), their
 * ids, and an organization user to search as.
 */
import type { Role } from '../../src/domain/auth.ts';
import { seedUuid } from '../../src/seed/ids.ts';
import { hashPassword } from '../../src/services/crypto.ts';
import type { Services } from '../../src/services/index.ts';
import { TEST_PASSWORD } from './constants.ts';
import { CORPUS, corpusProfile } from './search-corpus-profiles.ts';

export { CORPUS, corpusProfile } from './search-corpus-profiles.ts';

/** The corpus id ('p1') as a member UUID, and back. */
export const corpusId = (key: string): string => seedUuid('search-corpus', key);
export const corpusKey = new Map(CORPUS.map((p) => [corpusId(p.id), p.id]));

/** Creates an organization with one user (also a member of the network when `asMember`). */
export async function createOrgUser(
  services: Services,
  o: { email: string; slug: string; roles?: Role[]; asMember?: boolean },
): Promise<{ orgId: string; userId: string; accountId: string; memberId: string | null }> {
  const repos = services.store.repos;
  const org = await repos.organizations.create(`Org ${o.slug}`, o.slug);
  const accountId = seedUuid('search-account', o.email);
  await repos.accounts.insertMany([{ id: accountId, email: o.email }], await hashPassword(TEST_PASSWORD));
  const userId = await repos.users.create({
    orgId: org.id,
    accountId,
    firstName: 'Sam',
    lastName: 'Searcher',
    title: 'Recruiter',
    roles: o.roles ?? ['recruiter'],
  });
  let memberId: string | null = null;
  if (o.asMember) {
    memberId = seedUuid('search-member', o.email);
    await repos.members.insertMany([
      { ...corpusProfile({ id: memberId, firstName: 'Sam', lastName: 'Searcher' }), accountId },
    ]);
  }
  return { orgId: org.id, userId, accountId, memberId };
}
