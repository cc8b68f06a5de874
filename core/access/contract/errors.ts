import { defineErrors } from '#kernel';

/** Every code core/access throws, with its params; the words are in ../locales. */
export const AccessErrors = defineErrors('access', {
  forbidden: { code: 'access.forbidden', kind: 'forbidden', params: ['permission?'] },
  unknownPermission: { code: 'access.unknown_permission', kind: 'invalid', params: ['permissions'] },
  roleCodeTaken: { code: 'access.role_code_taken', kind: 'conflict', params: ['code'] },
  roleNotFound: { code: 'access.role_not_found', kind: 'not_found', params: ['id?', 'code?'] },
  builtinRoleReadonly: { code: 'access.builtin_role_readonly', kind: 'invalid' },
  roleInUse: { code: 'access.role_in_use', kind: 'conflict', params: ['grants'] },
  grantExceedsOwn: { code: 'access.grant_exceeds_own', kind: 'forbidden', params: ['permissions'] },
  grantExists: { code: 'access.grant_exists', kind: 'conflict' },
  grantNotFound: { code: 'access.grant_not_found', kind: 'not_found', params: ['id'] },
  cannotRevokeOwnPlatformAdmin: { code: 'access.cannot_revoke_own_platform_admin', kind: 'invalid' },
});
