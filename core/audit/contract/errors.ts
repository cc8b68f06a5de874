import { defineErrors } from '#kernel';

/** Every code core/audit throws, with its params; the words are in ../locales. */
export const AuditErrors = defineErrors('audit', {
  eventNotFound: { code: 'audit.event_not_found', kind: 'not_found', params: ['id'] },
});
