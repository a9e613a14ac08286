// The CSV reader and writer are shared (the statistics and the institution directory use them).
export { CsvSyntaxError, csvField, csvLine, parseCsv } from '@app/core';
export type { CsvRecord } from '@app/core';
