export const OrgPermissions = {
  read: 'orgs.org.read',
  create: 'orgs.org.create',
  update: 'orgs.org.update',
  move: 'orgs.org.move',
  deactivate: 'orgs.org.deactivate',
  import: 'orgs.org.import',
} as const;
