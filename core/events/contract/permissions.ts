/** Both are platform-wide: they must be held on the root org (events belong to no one org). */
export const EventPermissions = {
  /** See deliveries (the dead-letter view). */
  read: 'events.delivery.read',
  /** Retry or discard a dead delivery. */
  manage: 'events.delivery.manage',
} as const;
