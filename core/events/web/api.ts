import { api } from '#ui';
import type { DeliveryView } from '../contract/delivery.schema.ts';

export type { DeliveryView };

const deliveryUrl = (id: string) => `/api/events/deliveries/${encodeURIComponent(id)}`;

/** The HTTP calls behind the dead-letter page; the types come from the contract the server validates with. */
export const eventsApi = {
  /** Dead deliveries, paged (the server's default filter). */
  deadUrl: '/api/events/deliveries',
  retry: (id: string) => api.post<DeliveryView>(`${deliveryUrl(id)}/retry`),
  discard: (id: string) => api.post<DeliveryView>(`${deliveryUrl(id)}/discard`),
};
