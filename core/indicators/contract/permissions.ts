export const IndicatorPermissions = {
  read: 'indicators.value.read',
} as const;
