export const AuditPermissions = {
  readEvents: 'audit.event.read',
  verifyChain: 'audit.chain.verify',
  /** Receives security alerts about the org and its subtree (probing, repeated refusals). */
  receiveAlerts: 'audit.alert.receive',
} as const;
