import { defineErrors } from '#kernel';

/** Every code core/indicators throws, with its params; the words are in ../locales. */
export const IndicatorErrors = defineErrors('indicators', {
  unknownIndicator: { code: 'indicators.unknown_indicator', kind: 'not_found', params: ['id'] },
  badPeriod: { code: 'indicators.bad_period', kind: 'invalid', params: ['from', 'to'] },
});
