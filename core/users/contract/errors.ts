import { defineErrors } from '#kernel';

/** Every code core/users throws, with its params; the words are in ../locales. */
export const UserErrors = defineErrors('users', {
  userNotFound: { code: 'users.user_not_found', kind: 'not_found', params: ['id'] },
  serviceAccountPassword: { code: 'users.service_account_password', kind: 'invalid', params: ['field?'] },
  accountTaken: { code: 'users.account_taken', kind: 'conflict', params: ['field', 'account'] },
  idNumberTaken: { code: 'users.id_number_taken', kind: 'conflict', params: ['field'] },
  idNumberFormat: { code: 'users.id_number_format', kind: 'invalid', params: ['field'] },
  idNumberCheckDigit: { code: 'users.id_number_check_digit', kind: 'invalid', params: ['field'] },
  idNumberBirthDate: { code: 'users.id_number_birth_date', kind: 'invalid', params: ['field'] },
  idNumberChecksLimited: { code: 'users.id_number_checks_limited', kind: 'too_many', params: ['minutes'] },
  phoneInvalid: { code: 'users.phone_invalid', kind: 'invalid', params: ['field'] },
  cannotDisableSelf: { code: 'users.cannot_disable_self', kind: 'invalid' },
});
