import { Type, type TSchema } from 'typebox';

/**
 * `T | null` for request and response schemas. Null comes first on purpose: the server's Ajv
 * coerces types (query strings need it), and in `anyOf: [number, null]` it turns a body's
 * `null` into `0` in the first branch before `null` is ever tried — `{ max: null }` arrived
 * as `{ max: 0 }`. With null first, only a literal null (or "", 0, false) becomes null.
 */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);
