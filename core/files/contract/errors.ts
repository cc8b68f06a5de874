import { defineErrors } from '#kernel';

/** Every code core/files throws, with its params; the words are in ../locales. */
export const FileErrors = defineErrors('files', {
  fileNotFound: { code: 'files.file_not_found', kind: 'not_found', params: ['id'] },
  orgNotFound: { code: 'files.org_not_found', kind: 'not_found', params: ['orgId'] },
  uploadMissing: { code: 'files.upload_missing', kind: 'invalid' },
  empty: { code: 'files.empty', kind: 'invalid' },
  tooLarge: { code: 'files.too_large', kind: 'invalid', params: ['maxBytes'] },
  typeNotAllowed: { code: 'files.type_not_allowed', kind: 'invalid', params: ['extension', 'declaredType', 'detected'] },
  alreadyAttached: { code: 'files.already_attached', kind: 'conflict', params: ['id'] },
  unknownOwnerType: { code: 'files.unknown_owner_type', kind: 'invalid', params: ['ownerType'] },
  invalidSha256: { code: 'files.invalid_sha256', kind: 'invalid' },
  userQuotaExceeded: { code: 'files.user_quota_exceeded', kind: 'conflict', params: ['quotaMb'] },
  orgQuotaExceeded: { code: 'files.org_quota_exceeded', kind: 'conflict', params: ['quotaMb'] },
});
