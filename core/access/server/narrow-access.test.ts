import { describe, expect, it } from 'vitest';
import { GrantedAccess, narrowAccess } from './access.resolve.ts';

const owner = new GrantedAccess(
  'u1',
  new Map([
    ['users.user.read', ['/1/13/']],
    ['users.user.update', ['/1/13/1301/']],
    ['orgs.org.read', ['/1/33/']],
  ]),
  true,
);

describe('narrowAccess (what an API token reaches)', () => {
  it("keeps the role's permissions on the token's subtree where the owner holds them", () => {
    const token = narrowAccess(owner, ['users.user.read', 'users.user.update'], '/1/13/1301/');
    expect(token.can('users.user.read', '/1/13/1301/7/')).toBe(true);
    expect(token.can('users.user.read', '/1/13/')).toBe(false);
    expect(token.can('users.user.read', '/1/13/1304/')).toBe(false);
    expect(token.scopes('users.user.update')).toEqual(['/1/13/1301/']);
  });

  it("keeps the owner's narrower subtrees inside the token's org, and nothing the role lacks", () => {
    const token = narrowAccess(owner, ['users.user.update', 'access.grant.manage'], '/1/13/');
    expect(token.scopes('users.user.update')).toEqual(['/1/13/1301/']);
    expect(token.can('access.grant.manage')).toBe(false);
    expect(token.can('orgs.org.read')).toBe(false);
    expect(token.holdsAdminRole).toBe(false);
  });

  it('reaches nothing where the owner holds nothing', () => {
    expect(narrowAccess(owner, ['users.user.read'], '/1/33/').permissions()).toEqual([]);
  });
});
