export type ErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'locked' | 'too_many';

/**
 * A failure the caller can act on. `code` is stable (`<module>.<what>`), the console
 * turns it into words; `params` fill the message. HTTP status is mapped once, in the server.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    readonly params: Record<string, unknown> = {},
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'DomainError';
  }
}

/** One declared code: its kind and the params its message may use (`'id?'` marks an optional one). */
export interface ErrorSpec<Prefix extends string = string> {
  code: `${Prefix}.${string}`;
  kind: ErrorKind;
  params?: readonly string[];
}

type Required<P extends string> = P extends `${string}?` ? never : P;
type Optional<P extends string> = P extends `${infer Name}?` ? Name : never;
/** The params object a declared code takes: its required names, its optional names, nothing else. */
export type ErrorParams<S extends ErrorSpec> = S['params'] extends readonly (infer P extends string)[]
  ? { [K in Required<P>]: unknown } & { [K in Optional<P>]?: unknown }
  : Record<string, never>;

/** Throws one declared code: `OrgErrors.codeTaken({ code })` builds the DomainError, params checked by tsc. */
export type ErrorFactory<S extends ErrorSpec> = ((
  ...args: S['params'] extends readonly [string, ...string[]]
    ? [Required<S['params'][number]>] extends [never]
      ? [params?: ErrorParams<S>]
      : [params: ErrorParams<S>]
    : []
) => DomainError) & { readonly code: S['code']; readonly kind: S['kind']; readonly params: readonly string[] };

export type ErrorContract<S extends Record<string, ErrorSpec>> = { readonly [K in keyof S]: ErrorFactory<S[K]> };

/**
 * A module's error contract (`contract/errors.ts`): every code it throws, its kind and the names of
 * its params, prefixed by the module id. Services throw through it, never with an inline string;
 * a test in apps/server checks that each declared code has a zh-CN and an en message.
 */
export function defineErrors<const Prefix extends string, const S extends Record<string, ErrorSpec<Prefix>>>(
  prefix: Prefix,
  specs: S,
): ErrorContract<S> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    if (!spec.code.startsWith(`${prefix}.`)) throw new Error(`error ${name}: code ${spec.code} does not start with ${prefix}.`);
    const build = (params: Record<string, unknown> = {}) => new DomainError(spec.kind, spec.code, params);
    out[name] = Object.assign(build, { code: spec.code, kind: spec.kind, params: spec.params ?? [] });
  }
  return out as ErrorContract<S>;
}
