export const AuthPermissions = {
  /** List, create (for service accounts) and revoke other accounts' API tokens, within one's scope. */
  manageTokens: 'auth.token.manage',
} as const;
