/** Trims text fields, so a blank answer counts as missing. */
export const trim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;

/** Shape of a taxonomy code. */
export const CODE = /^[a-z0-9_]{1,64}$/;
