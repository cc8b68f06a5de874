/** Codes of the DomainErrors core/notify throws; the console turns them into words. */
export const NotifyErrors = {
  notificationNotFound: 'notify.notification_not_found',
} as const;
