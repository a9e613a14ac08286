/** A record of a CSV file with the line it starts on (1 = the header). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: 'unterminated_quote' | 'stray_quote',
  ) {
    super(`CSV syntax error on line ${line}: ${reason}`);
  }
}

/**
 * Parses RFC 4180 CSV: comma separated, fields optionally in double quotes (a quote inside is
 * doubled), line breaks CRLF or LF, also inside quoted fields. A UTF-8 byte order mark is
 * ignored; blank lines are skipped.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < text.length) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let atFieldStart = true;
    let ended = false;
    while (!ended) {
      if (i >= text.length) {
        fields.push(field);
        break;
      }
      const ch = text[i];
      if (atFieldStart && ch === '"') {
        // Quoted field
        i++;
        for (;;) {
          if (i >= text.length) throw new CsvSyntaxError(startLine, 'unterminated_quote');
          const q = text[i];
          if (q === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (q === '\n') line++;
          field += q;
          i++;
        }
        const next = text[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          throw new CsvSyntaxError(line, 'stray_quote');
        }
        atFieldStart = false;
        continue;
      }
      if (ch === ',') {
        fields.push(field);
        field = '';
        atFieldStart = true;
        i++;
      } else if (ch === '\r' || ch === '\n') {
        fields.push(field);
        i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        ended = true;
      } else {
        if (ch === '"') throw new CsvSyntaxError(line, 'stray_quote');
        field += ch;
        atFieldStart = false;
        i++;
      }
    }
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: startLine, fields });
  }
  return records;
}

/** One CSV field: quoted when it holds a comma, quote or line break; formula-like text defused. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  // Spreadsheets run cells starting with = + - @ as formulas; a leading apostrophe keeps them text.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: ReadonlyArray<string | number | null>): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
