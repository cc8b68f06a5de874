import { defineErrors } from '#kernel';

/** Every code core/notify throws, with its params; the words are in ../locales. */
export const NotifyErrors = defineErrors('notify', {
  notificationNotFound: { code: 'notify.notification_not_found', kind: 'not_found', params: ['id'] },
});
