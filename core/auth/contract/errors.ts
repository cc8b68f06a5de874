import { defineErrors } from '#kernel';

/** Every code core/auth throws, with its params; the words are in ../locales. */
export const AuthErrors = defineErrors('auth', {
  unauthenticated: { code: 'auth.unauthenticated', kind: 'unauthenticated' },
  invalidCredentials: { code: 'auth.invalid_credentials', kind: 'unauthenticated', params: ['remainingAttempts'] },
  accountLocked: { code: 'auth.account_locked', kind: 'locked', params: ['minutes'] },
  signInDelayed: { code: 'auth.sign_in_delayed', kind: 'too_many', params: ['retryAfterSeconds'] },
  accountDisabled: { code: 'auth.account_disabled', kind: 'forbidden' },
  csrfInvalid: { code: 'auth.csrf_invalid', kind: 'forbidden' },
  mfaRequired: { code: 'auth.mfa_required', kind: 'forbidden' },
  mfaEnrolmentRequired: { code: 'auth.mfa_enrolment_required', kind: 'forbidden' },
  passwordChangeRequired: { code: 'auth.password_change_required', kind: 'forbidden' },
  totpInvalid: { code: 'auth.totp_invalid', kind: 'unauthenticated' },
  // The same words when a code to confirm an enrolment is wrong: the request, not the sign-in, fails.
  totpEnrolmentCodeInvalid: { code: 'auth.totp_invalid', kind: 'invalid' },
  totpAttemptsExhausted: { code: 'auth.totp_attempts_exhausted', kind: 'unauthenticated' },
  totpNotEnrolled: { code: 'auth.totp_not_enrolled', kind: 'invalid' },
  totpNoPendingEnrolment: { code: 'auth.totp_no_pending_enrolment', kind: 'invalid' },
  totpRequiredForAdmin: { code: 'auth.totp_required_for_admin', kind: 'invalid' },
  passwordIncorrect: { code: 'auth.password_incorrect', kind: 'unauthenticated' },
  passwordUnchanged: { code: 'auth.password_unchanged', kind: 'invalid', params: ['field'] },
  passwordReused: { code: 'auth.password_reused', kind: 'invalid', params: ['field', 'count'] },
  passwordPolicy: { code: 'auth.password_policy', kind: 'invalid', params: ['field', 'rules'] },
  authorizationMalformed: { code: 'auth.authorization_malformed', kind: 'unauthenticated' },
  credentialsAmbiguous: { code: 'auth.credentials_ambiguous', kind: 'invalid' },
  apiTokenNotAllowed: { code: 'auth.api_token_not_allowed', kind: 'forbidden' },
  apiTokenInvalid: { code: 'auth.api_token_invalid', kind: 'unauthenticated' },
  apiTokenExpired: { code: 'auth.api_token_expired', kind: 'unauthenticated' },
  apiTokenNotFound: { code: 'auth.api_token_not_found', kind: 'not_found', params: ['id'] },
  tokenExceedsOwn: { code: 'auth.token_exceeds_own', kind: 'forbidden', params: ['permissions'] },
  tokenOwnerNotServiceAccount: { code: 'auth.token_owner_not_service_account', kind: 'invalid', params: ['field'] },
});
