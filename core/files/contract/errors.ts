/** Codes of the DomainErrors the files core throws; the console turns them into words. */
export const FileErrors = {
  fileNotFound: 'files.file_not_found',
  orgNotFound: 'files.org_not_found',
  uploadMissing: 'files.upload_missing',
  empty: 'files.empty',
  tooLarge: 'files.too_large',
  typeNotAllowed: 'files.type_not_allowed',
  alreadyAttached: 'files.already_attached',
  unknownOwnerType: 'files.unknown_owner_type',
  invalidSha256: 'files.invalid_sha256',
  userQuotaExceeded: 'files.user_quota_exceeded',
  orgQuotaExceeded: 'files.org_quota_exceeded',
} as const;
