/**
 * Rows as one array per column, in the order of `columns`: the parameters of an
 * `INSERT ... SELECT ... FROM unnest($1::type[], $2::type[], ...)`, whose text and number of
 * bound values stay the same whatever the number of rows.
 */
export function columnArrays<Row, Column extends keyof Row>(
  rows: readonly Row[],
  columns: readonly Column[],
): Row[Column][][] {
  return columns.map((column) => rows.map((row) => row[column]));
}
