import { Type, type Static } from 'typebox';

export const IndicatorInfo = Type.Object({
  id: Type.String(),
  module: Type.String(),
  name: Type.Object({ zh: Type.String(), en: Type.String() }),
  unit: Type.String(),
  isFlow: Type.Boolean(),
  description: Type.Optional(Type.Object({ zh: Type.String(), en: Type.String() })),
});
export type IndicatorInfo = Static<typeof IndicatorInfo>;

export const IndicatorValueQuery = Type.Object({
  orgId: Type.String({ maxLength: 40 }),
  from: Type.Optional(Type.String({ format: 'date-time', description: '默认为当年 1 月 1 日' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: '默认为现在' })),
  fresh: Type.Optional(Type.Boolean({ description: '不用缓存，重新计算' })),
});
export type IndicatorValueQuery = Static<typeof IndicatorValueQuery>;

export const IndicatorValue = Type.Object({
  indicatorId: Type.String(),
  orgId: Type.String(),
  from: Type.String(),
  to: Type.String(),
  value: Type.Number(),
  unit: Type.String(),
  computedAt: Type.String(),
});
export type IndicatorValue = Static<typeof IndicatorValue>;
