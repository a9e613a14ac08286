/**
 * A tiny typed schema for environment variables. Each variable documents itself, so the
 * schema, `config/.env.example` and the start-up refusal message can never drift apart
 * (a test compares them).
 */
export type EnvSource = Record<string, string | undefined>;

export interface VariableSpec<T> {
  readonly name: string;
  readonly description: string;
  /** Default for every mode, written as the raw string. */
  readonly defaultValue?: string;
  /** A secret: no default in production; the development default is only for local use. */
  readonly secret?: boolean;
  readonly developmentDefault?: string;
  /** Converts the raw value; throws an Error whose message completes "NAME ...". */
  readonly parse: (raw: string) => T;
}

export type SectionSpec = Record<string, VariableSpec<unknown>>;
export type SectionValues<S extends SectionSpec> = {
  [K in keyof S]: S[K] extends VariableSpec<infer T> ? T : never;
};

export class InvalidValue extends Error {}

function spec<T>(
  name: string,
  description: string,
  parse: (raw: string) => T,
  options: Partial<Pick<VariableSpec<T>, 'defaultValue' | 'secret' | 'developmentDefault'>>,
): VariableSpec<T> {
  return { name, description, parse, ...options };
}

type Options = { default?: string; secret?: boolean; developmentDefault?: string };
const opts = (o: Options = {}) => ({
  defaultValue: o.default,
  secret: o.secret,
  developmentDefault: o.developmentDefault,
});

export const env = {
  string(name: string, description: string, o: Options & { minLength?: number } = {}) {
    return spec(
      name,
      description,
      (raw) => {
        if (o.minLength !== undefined && raw.length < o.minLength) {
          throw new InvalidValue(`must be at least ${o.minLength} characters long`);
        }
        return raw;
      },
      opts(o),
    );
  },
  int(name: string, description: string, o: Options & { min?: number; max?: number } = {}) {
    return spec(
      name,
      description,
      (raw) => {
        if (!/^-?\d+$/.test(raw.trim())) throw new InvalidValue('must be a whole number');
        const value = Number(raw);
        if (o.min !== undefined && value < o.min) throw new InvalidValue(`must be >= ${o.min}`);
        if (o.max !== undefined && value > o.max) throw new InvalidValue(`must be <= ${o.max}`);
        return value;
      },
      opts(o),
    );
  },
  bool(name: string, description: string, o: Options = {}) {
    return spec(
      name,
      description,
      (raw) => {
        const v = raw.trim().toLowerCase();
        if (['true', '1', 'yes'].includes(v)) return true;
        if (['false', '0', 'no'].includes(v)) return false;
        throw new InvalidValue('must be true or false');
      },
      opts(o),
    );
  },
  oneOf<const T extends string>(
    name: string,
    description: string,
    values: readonly T[],
    o: Options = {},
  ) {
    return spec(
      name,
      description,
      (raw) => {
        if (!(values as readonly string[]).includes(raw)) {
          throw new InvalidValue(`must be one of ${values.join(', ')}`);
        }
        return raw as T;
      },
      opts(o),
    );
  },
  url(name: string, description: string, protocols: readonly string[], o: Options = {}) {
    return spec(
      name,
      description,
      (raw) => {
        let url: URL;
        try {
          url = new URL(raw);
        } catch {
          throw new InvalidValue(`must be a URL starting with ${protocols.join(' or ')}//`);
        }
        if (!protocols.includes(url.protocol)) {
          throw new InvalidValue(`must be a URL starting with ${protocols.join(' or ')}//`);
        }
        return raw;
      },
      opts(o),
    );
  },
  custom<T>(name: string, description: string, parse: (raw: string) => T, o: Options = {}) {
    return spec(name, description, parse, opts(o));
  },
};
