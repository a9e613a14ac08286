import type { ValueTransformer } from 'typeorm';

/** pg returns bigint as a string; TOTP steps (~6e7) fit a JavaScript number exactly. */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
