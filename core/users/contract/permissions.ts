export const UserPermissions = {
  read: 'users.user.read',
  create: 'users.user.create',
  update: 'users.user.update',
  resetPassword: 'users.user.reset_password',
  unlock: 'users.user.unlock',
} as const;
