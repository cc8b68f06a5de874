import fc from 'fast-check';

/*
 * fast-check arbitraries from the JSON schemas (TypeBox) that the routes declare: values the
 * schema accepts, and values that break it in one place (wrong type, missing or extra key,
 * out-of-range number, overlong string, odd text). Used by the route fuzzer.
 */

export type Schema = Record<string, any>;

/** Where a string field can take the id of a real record instead of a random string. */
export type IdSource = (fieldName: string) => fc.Arbitrary<string> | null;

/** Text that has broken servers before: scripts, direction marks, control and SQL/path fragments. */
export const ODD_STRINGS = [
  '教育信息化',
  '𠀀𪚥龘',
  '😀👩‍👩‍👧‍👦🏳️‍🌈',
  'مرحبا بالعالم',
  '\u202eevil\u202c',
  'a\u200bb\u200c\u200d\ufeff',
  'ｆｕｌｌｗｉｄｔｈ',
  'e\u0301\u0308\u0327',
  '\t\r\n',
  ' ',
  '',
  'x'.repeat(300),
  "' OR '1'='1",
  "'; DROP TABLE core_users; --",
  '%_\\',
  '") or 1=1 --',
  '$1',
  '?',
  ':name',
  '../../etc/passwd',
  '..\\..\\windows',
  '/',
  '%2e%2e%2f',
  'file:///etc/passwd',
  '<script>alert(1)</script>',
  '{{7*7}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
  '${7*7}',
  "=cmd|' /C calc'!A0",
  '__proto__',
  'constructor',
  'prototype',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0',
  '1e308',
  'true',
  '2020-13-45',
  '9999-12-31T23:59:59Z',
  '01ARZ3NDEKTSV4RRFFQ69G5FAV',
  '0'.repeat(26),
  'GB110000',
] as const;

/** Text the other hygiene fix refuses with 400 (NUL, lone surrogates); kept apart so findings can be told apart. */
export const HYGIENE_STRINGS = ['a\u0000b', '\u0000', '\ud800', 'x\udfffy', '\udc00\ud800', 'ok\u0000\ud83d'] as const;

export const POLLUTION_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '__defineGetter__',
  'valueOf',
] as const;

const HUGE_NUMBERS = [1e308, -1e308, 2 ** 53 + 2, -(2 ** 53) - 2, 1e20, 2 ** 31, -(2 ** 31) - 1, 2 ** 63, Number.MIN_VALUE, -0] as const;

const textChar = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...'abcxyzABC0189_-. '.split('')) },
  { weight: 3, arbitrary: fc.constantFrom(...'教育云学校县市省平台审核安全数据'.split('')) },
  { weight: 1, arbitrary: fc.constantFrom('😀', 'é', 'ß', 'ع', '\u200b', '𠀀', '\u3000') },
);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The object that an `allOf` of objects (TypeBox Intersect, used by paged querystrings) describes. */
export function flattenSchema(schema: Schema | undefined): Schema | undefined {
  if (!schema || !Array.isArray(schema.allOf)) return schema;
  const parts = schema.allOf.map((s: Schema) => flattenSchema(s)!);
  if (!parts.every((p: Schema) => p.type === 'object')) return parts[0];
  return {
    type: 'object',
    properties: Object.assign({}, ...parts.map((p: Schema) => p.properties ?? {})),
    required: parts.flatMap((p: Schema) => p.required ?? []),
    ...(parts.some((p: Schema) => p.additionalProperties === false) ? { additionalProperties: false } : {}),
  };
}

function typeOf(schema: Schema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type[0];
  if (schema.type) return schema.type;
  if (schema.properties || schema.patternProperties) return 'object';
  return undefined;
}

function formatted(format: string): fc.Arbitrary<string> | null {
  const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true });
  if (format === 'date') return day.map((d) => d.toISOString().slice(0, 10));
  if (format === 'date-time') return day.map((d) => d.toISOString());
  if (format === 'email') return fc.emailAddress();
  if (format === 'uri') return fc.webUrl();
  if (format === 'uuid') return fc.uuid();
  return null;
}

function stringArbitrary(schema: Schema, name: string | undefined, ids: IdSource): fc.Arbitrary<string> {
  const pool = name ? ids(name) : null;
  const min = schema.minLength ?? 0;
  const max = Math.max(min, Math.min(schema.maxLength ?? 40, 60));
  let own: fc.Arbitrary<string>;
  if (schema.format && formatted(schema.format)) own = formatted(schema.format)!;
  else if (schema.pattern) {
    own = fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= min && s.length <= (schema.maxLength ?? Infinity));
  } else own = fc.string({ unit: textChar, minLength: min, maxLength: max });
  return pool ? fc.oneof({ weight: 3, arbitrary: pool }, { weight: 1, arbitrary: own }) : own;
}

function numberArbitrary(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 1e-6) : -1000);
  const high =
    schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : 1e-6) : Math.max(low, 0) + 100000);
  if (integer) return fc.integer({ min: Math.ceil(low), max: Math.floor(high) });
  return fc.oneof(
    fc.integer({ min: Math.ceil(low), max: Math.floor(high) }),
    fc.double({ min: low, max: high, noNaN: true, noDefaultInfinity: true }),
  );
}

/** A value the schema accepts (as far as JSON schema can say: enums, formats, patterns, ranges). */
export function validValue(schema: Schema | undefined, ids: IdSource, name?: string, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || Object.keys(schema).filter((k) => k !== 'description' && k !== 'default').length === 0) {
    return fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v) ?? 'null'));
  }
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  if (Array.isArray(schema.anyOf ?? schema.oneOf))
    return fc.oneof(...(schema.anyOf ?? schema.oneOf).map((s: Schema) => validValue(s, ids, name, depth)));
  if (Array.isArray(schema.allOf)) return validValue(flattenSchema(schema), ids, name, depth);
  switch (typeOf(schema)) {
    case 'string':
      return stringArbitrary(schema, name, ids);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const min = schema.minItems ?? 0;
      return fc.array(validValue(schema.items, ids, name, depth + 1), {
        minLength: min,
        maxLength: Math.max(min, Math.min(schema.maxItems ?? 4, 4)),
      });
    }
    case 'object': {
      if (depth > 6) return fc.constant({});
      const props: Record<string, Schema> = schema.properties ?? {};
      const required: string[] = schema.required ?? [];
      const record = fc.record(Object.fromEntries(Object.entries(props).map(([k, s]) => [k, validValue(s, ids, k, depth + 1)])), {
        requiredKeys: required.filter((k) => k in props),
      });
      const patterns = Object.values(schema.patternProperties ?? {}) as Schema[];
      if (patterns.length === 0) return record;
      const extra = fc.dictionary(
        fc.string({ unit: textChar, minLength: 1, maxLength: 12 }),
        validValue(patterns[0], ids, undefined, depth + 1),
        { maxKeys: Math.min(schema.maxProperties ?? 4, 4) },
      );
      return fc.tuple(record, extra).map(([r, e]) => ({ ...e, ...r }));
    }
    default:
      return fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v) ?? 'null'));
  }
}

/** The schema node that describes `value` at the end of `path` (following the branch that fits). */
function schemaAt(schema: Schema | undefined, path: (string | number)[]): Schema | undefined {
  let node = flattenSchema(schema);
  for (const key of path) {
    if (!node) return undefined;
    if (node.anyOf) node = node.anyOf.find((s: Schema) => typeOf(s) === (typeof key === 'number' ? 'array' : 'object')) ?? node.anyOf[0];
    node = flattenSchema(node);
    if (!node) return undefined;
    if (typeof key === 'number') node = node.items;
    else node = node.properties?.[key] ?? (Object.values(node.patternProperties ?? {})[0] as Schema | undefined);
  }
  return node;
}

function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [at];
  if (Array.isArray(value)) for (const [i, v] of value.entries()) out.push(...paths(v, [...at, i]));
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}

/** Sets a key as an own, enumerable property, so `__proto__` is sent as a key rather than changing the prototype. */
function setOwn(target: Record<string, unknown> | unknown[], key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function replaceAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string, unknown>;
  let node: any = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  setOwn(node, path[path.length - 1], value);
  return copy;
}

function removeAt(root: unknown, path: (string | number)[]): unknown {
  const copy = structuredClone(root) as any;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  if (Array.isArray(node)) node.splice(Number(path[path.length - 1]), 1);
  else delete node[path[path.length - 1]];
  return copy;
}

/** A value of another JSON type than the schema node wants. */
function wrongTypeFor(schema: Schema | undefined, pick: number): unknown {
  const t = schema ? typeOf(schema) : undefined;
  const candidates: unknown[] = [123, -1, 1.5, true, null, 'text', [], {}, ['a', 1], { a: { b: [] } }, '', '0', 'false'];
  const wrong = candidates.filter((c) => {
    if (t === 'string') return typeof c !== 'string';
    if (t === 'integer' || t === 'number') return typeof c !== 'number' || (t === 'integer' && !Number.isInteger(c));
    if (t === 'boolean') return typeof c !== 'boolean';
    if (t === 'array') return !Array.isArray(c);
    if (t === 'object') return !isObject(c);
    return true;
  });
  return wrong[pick % wrong.length];
}

export type Mutation =
  | 'wrong_type'
  | 'missing_required'
  | 'extra_property'
  | 'out_of_range'
  | 'overlong'
  | 'odd_text'
  | 'hygiene_text'
  | 'not_an_object';

export interface Invalid {
  value: unknown;
  mutation: Mutation;
  at: string;
}

/** A valid value broken in one place, named by how and where (for the report). */
export function invalidValue(schema: Schema | undefined, ids: IdSource): fc.Arbitrary<Invalid> {
  const flat = flattenSchema(schema);
  const mutation = fc.constantFrom<Mutation>(
    'wrong_type',
    'missing_required',
    'extra_property',
    'out_of_range',
    'overlong',
    'odd_text',
    'odd_text',
    'hygiene_text',
    'not_an_object',
  );
  return fc
    .tuple(
      validValue(flat, ids),
      mutation,
      fc.nat(),
      fc.nat(),
      fc.constantFrom(...ODD_STRINGS),
      fc.constantFrom(...HYGIENE_STRINGS),
      fc.constantFrom(...HUGE_NUMBERS),
    )
    .map(([valid, kind, i, j, odd, hygiene, huge]): Invalid => mutate(flat, valid, kind, i, j, odd, hygiene, huge));
}

function mutate(
  schema: Schema | undefined,
  valid: unknown,
  kind: Mutation,
  i: number,
  j: number,
  odd: string,
  hygiene: string,
  huge: number,
): Invalid {
  const all = paths(valid);
  const inner = all.length > 1 ? all.slice(1) : all;
  const at = (p: (string | number)[]) => p.join('.') || '(root)';
  switch (kind) {
    case 'not_an_object': {
      const v = [[], 'text', 0, null, true, [valid], { nested: valid }][j % 7];
      return { value: v, mutation: kind, at: '(root)' };
    }
    case 'missing_required': {
      const withRequired = all.filter(
        (p) => (schemaAt(schema, p)?.required ?? []).length > 0 && isObject(p.length ? getAt(valid, p) : valid),
      );
      if (withRequired.length === 0) return mutate(schema, valid, 'wrong_type', i, j, odd, hygiene, huge);
      const p = withRequired[i % withRequired.length];
      const req: string[] = schemaAt(schema, p)!.required;
      const key = req[j % req.length];
      return { value: removeAt(valid, [...p, key]), mutation: kind, at: at([...p, key]) };
    }
    case 'extra_property': {
      const objects = all.filter((p) => isObject(p.length ? getAt(valid, p) : valid));
      if (objects.length === 0)
        return { value: JSON.parse(`{"${POLLUTION_KEYS[j % POLLUTION_KEYS.length]}":{"polluted":true}}`), mutation: kind, at: '(root)' };
      const p = objects[i % objects.length];
      const key = [...POLLUTION_KEYS, 'unexpected', odd][j % (POLLUTION_KEYS.length + 2)];
      const extra = j % 3 === 0 ? { polluted: true, isAdmin: true } : j % 3 === 1 ? odd : 1;
      const target = structuredClone(valid) as any;
      const node = p.length ? getAt(target, p) : target;
      setOwn(node, key, extra);
      return { value: target, mutation: kind, at: at([...p, key]) };
    }
    case 'out_of_range': {
      const numeric = inner.filter((p) => ['integer', 'number'].includes(typeOf(schemaAt(schema, p) ?? {}) ?? ''));
      if (numeric.length === 0) return mutate(schema, valid, 'overlong', i, j, odd, hygiene, huge);
      const p = numeric[i % numeric.length];
      const s = schemaAt(schema, p)!;
      const options = [
        huge,
        ...(s.minimum !== undefined ? [s.minimum - 1] : []),
        ...(s.maximum !== undefined ? [s.maximum + 1] : []),
        ...(typeOf(s) === 'integer' ? [0.5] : []),
      ];
      return { value: replaceAt(valid, p, options[j % options.length]), mutation: kind, at: at(p) };
    }
    case 'overlong': {
      const candidates = inner.filter((p) => {
        const v = getAt(valid, p);
        return typeof v === 'string' || Array.isArray(v);
      });
      if (candidates.length === 0) return mutate(schema, valid, 'odd_text', i, j, odd, hygiene, huge);
      const p = candidates[i % candidates.length];
      const s = schemaAt(schema, p) ?? {};
      const v = getAt(valid, p);
      const long = Array.isArray(v)
        ? Array.from({ length: (s.maxItems ?? 1000) + 1 }, (_, k) => (v.length ? v[k % v.length] : 'x'))
        : (j % 2 ? '教' : 'x').repeat(j % 5 === 0 ? 100_000 : (s.maxLength ?? 10_000) + 1);
      return { value: replaceAt(valid, p, long), mutation: kind, at: at(p) };
    }
    case 'odd_text':
    case 'hygiene_text': {
      const strings = inner.filter((p) => typeof getAt(valid, p) === 'string' || isObject(getAt(valid, p)) === false);
      const p = strings.length ? strings[i % strings.length] : [];
      const text = kind === 'hygiene_text' ? hygiene : odd;
      const prev = getAt(valid, p);
      const value = typeof prev === 'string' && j % 2 ? `${prev}${text}` : text;
      return { value: replaceAt(valid, p, value), mutation: kind, at: at(p) };
    }
    default: {
      const p = all[i % all.length];
      return { value: replaceAt(valid, p, wrongTypeFor(schemaAt(schema, p), j)), mutation: 'wrong_type', at: at(p) };
    }
  }
}

function getAt(root: unknown, path: (string | number)[]): unknown {
  let node: any = root;
  for (const key of path) node = node?.[key];
  return node;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What a value holds that belongs to a class of bug fixed elsewhere (for telling findings apart). */
export function inputFeatures(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.add('nul');
    if (LONE_SURROGATE.test(value)) out.add('lone_surrogate');
  } else if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) && (Math.abs(value) > 1e15 || Object.is(value, -0))) out.add('huge_number');
  } else if (Array.isArray(value)) for (const v of value) inputFeatures(v, out);
  else if (isObject(value))
    for (const [k, v] of Object.entries(value)) {
      inputFeatures(k, out);
      inputFeatures(v, out);
    }
  return out;
}
