/** Codes of the DomainErrors core/events throws; the console turns them into words. */
export const EventErrors = {
  deliveryNotFound: 'events.delivery_not_found',
  deliveryNotDead: 'events.delivery_not_dead',
} as const;
