export const AuditPermissions = {
  readEvents: 'audit.event.read',
  verifyChain: 'audit.chain.verify',
} as const;
