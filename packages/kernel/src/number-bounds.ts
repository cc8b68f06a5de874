import { Type, type TInteger, type TNumber, type TNumberOptions } from 'typebox';

/** A range with both ends stated: the type refuses a schema that leaves either one open. */
export type NumberRange = TNumberOptions &
  ({ minimum: number } | { exclusiveMinimum: number }) &
  ({ maximum: number } | { exclusiveMaximum: number });

/** The largest value a PostgreSQL `integer` column holds; larger integers need `bigint`. */
export const INT32_MAX = 2_147_483_647;

/**
 * A number a request may carry: finite, inside the range its meaning and its column allow.
 * A bare Type.Number() lets Infinity in (JSON.parse reads 1e309 as Infinity, Ajv's coercion
 * reads the string "Infinity" as Infinity) and 1e308 too, which overflows the first sum.
 * Every request number is declared with this or BoundedInteger; a test walks the routes.
 */
export const BoundedNumber = (range: NumberRange): TNumber => Type.Number(range);

/** An integer a request may carry, inside its range (see BoundedNumber). */
export const BoundedInteger = (range: NumberRange): TInteger => Type.Integer(range);

/**
 * The server's request validation (Ajv) options. Coercion stays on (query strings need it).
 * strictNumbers is off on purpose: with it on, Ajv coerces the string "Infinity" to Infinity
 * and then skips the range keywords, which it applies to finite numbers only, so
 * {"n":"Infinity"} passed a maximum. Off, a stated range refuses Infinity in every form.
 */
export const REQUEST_VALIDATION_OPTIONS = {
  removeAdditional: false,
  coerceTypes: 'array',
  useDefaults: true,
  strictNumbers: false,
} as const;

const isFiniteNumber = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value);

const CHILD_MAPS = ['properties', 'patternProperties', '$defs', 'definitions'] as const;
const CHILD_SCHEMAS = ['items', 'additionalProperties', 'not', 'contains', 'if', 'then', 'else'] as const;
const CHILD_LISTS = ['prefixItems', 'anyOf', 'oneOf', 'allOf'] as const;

/**
 * The paths of every number or integer inside a JSON schema that lacks a finite lower or
 * upper bound. A `const` or `enum` already bounds its values.
 */
export function unboundedNumbers(schema: unknown, path = ''): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const s = schema as Record<string, unknown>;
  const out: string[] = [];
  const types = Array.isArray(s.type) ? s.type : [s.type];
  if ((types.includes('number') || types.includes('integer')) && s.const === undefined && s.enum === undefined) {
    const low = isFiniteNumber(s.minimum) || isFiniteNumber(s.exclusiveMinimum);
    const high = isFiniteNumber(s.maximum) || isFiniteNumber(s.exclusiveMaximum);
    if (!low || !high) out.push(path || '(root)');
  }
  for (const key of CHILD_MAPS) {
    const map = s[key];
    if (map && typeof map === 'object')
      for (const [name, child] of Object.entries(map)) out.push(...unboundedNumbers(child, path ? `${path}.${name}` : name));
  }
  for (const key of CHILD_SCHEMAS) if (typeof s[key] === 'object') out.push(...unboundedNumbers(s[key], `${path}[${key}]`));
  for (const key of CHILD_LISTS) {
    const list = s[key];
    if (Array.isArray(list)) for (const [i, child] of list.entries()) out.push(...unboundedNumbers(child, `${path}[${key}.${i}]`));
  }
  return out;
}
