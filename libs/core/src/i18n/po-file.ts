import { po } from 'gettext-parser';
import type { GetTextTranslation, GetTextTranslations } from 'gettext-parser';

/**
 * One message of a catalogue as a translator sees it in a PO file:
 *
 *     #. English: Tell us what happened
 *     #: public cases/pages
 *     #, fuzzy
 *     msgctxt "report.description.label"
 *     msgid "Na tregoni çfarë ndodhi"
 *     msgstr "Phen amenge so ćerdžilo"
 *
 * The key is the context (`msgctxt`), the Albanian reference text is the source (`msgid`), the
 * locale's text is the translation (`msgstr`, ICU MessageFormat: `{name}`, plurals). `fuzzy`
 * is gettext's "needs review" flag: a draft not yet cleared by a native speaker. Poedit and
 * Weblate show the source, the draft and the flag, and keep the key.
 */
export interface CatalogueEntry {
  key: string;
  /** The Albanian reference text. */
  source: string;
  /** The text in the file's locale ('' when not written yet). */
  text: string;
  needsReview: boolean;
  /** Notes for the translator (`#.`): the English text, the placeholders, the use. */
  notes: string[];
  /** Where the message is used (`#:`): its area and component, e.g. "public cases/pages". */
  origin: string;
}

export interface CatalogueFile {
  locale: string;
  entries: CatalogueEntry[];
}

/** Reads a PO file; entries without a context (not ours) are refused, not guessed. */
export function parsePo(content: Buffer | string): CatalogueFile {
  const table = po.parse(content, { defaultCharset: 'utf-8' });
  const entries: CatalogueEntry[] = [];
  for (const [context, byId] of Object.entries(table.translations)) {
    for (const unit of Object.values(byId)) {
      if (context === '' && unit.msgid === '') continue; // the header
      if (!context) throw new Error(`PO entry without a key (msgctxt): "${unit.msgid}"`);
      const flags = (unit.comments?.flag ?? '').split(',').map((f) => f.trim());
      entries.push({
        key: context,
        source: unit.msgid,
        text: unit.msgstr[0] ?? '',
        needsReview: flags.includes('fuzzy'),
        notes: splitLines(unit.comments?.extracted),
        origin: unit.comments?.reference ?? '',
      });
    }
  }
  return { locale: table.headers.Language ?? '', entries };
}

/** Writes a PO file with entries in the given order (stable diffs, one entry per key). */
export function formatPo(file: CatalogueFile, project = 'pmd-platform'): Buffer {
  const translations: GetTextTranslations['translations'] = {
    '': { '': { msgid: '', msgstr: [''] } },
  };
  for (const entry of file.entries) {
    const unit: GetTextTranslation = {
      msgctxt: entry.key,
      msgid: entry.source,
      msgstr: [entry.text],
      comments: {
        ...(entry.notes.length ? { extracted: entry.notes.join('\n') } : {}),
        ...(entry.origin ? { reference: entry.origin } : {}),
        ...(entry.needsReview ? { flag: 'fuzzy' } : {}),
      },
    };
    (translations[entry.key] ??= {})[entry.source] = unit;
  }
  return po.compile(
    {
      charset: 'utf-8',
      headers: {
        'Project-Id-Version': project,
        Language: file.locale,
        'MIME-Version': '1.0',
        'Content-Type': 'text/plain; charset=UTF-8',
        'Content-Transfer-Encoding': '8bit',
        'Plural-Forms': 'nplurals=2; plural=(n != 1);',
        'X-Source-Language': 'sq',
        'X-Message-Format': 'ICU MessageFormat',
      },
      translations,
    },
    { foldLength: 0, sort: false },
  );
}

function splitLines(text: string | undefined): string[] {
  return text ? text.split('\n').filter((line) => line.trim() !== '') : [];
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };

function unquote(line: string): string {
  const body = line.slice(line.indexOf('"') + 1, line.lastIndexOf('"'));
  return body.replace(/\\(.)/g, (match, c: string) => ESCAPES[c] ?? match);
}

/** What the server keeps of an entry: its key, its text ('' when not written), its origin. */
export interface PoText {
  key: string;
  text: string;
  origin: string;
}

/**
 * The entries of a catalogue read line by line: what the server needs at start-up, in a few
 * milliseconds (the full parser above takes hundreds for the four files). It reads only the
 * files `formatPo` writes (a unit test proves it agrees with the full parser on them).
 */
export function readPoTexts(content: string): PoText[] {
  const entries: PoText[] = [];
  let current: PoText | undefined;
  let origin = '';
  let field: 'msgctxt' | 'msgid' | 'msgstr' | undefined;
  for (const line of content.split('\n')) {
    if (line.startsWith('#: ')) {
      origin = line.slice(3).trim();
    } else if (line.startsWith('msgctxt ')) {
      current = { key: unquote(line), text: '', origin };
      entries.push(current);
      origin = '';
      field = 'msgctxt';
    } else if (line.startsWith('msgid ')) {
      field = 'msgid';
    } else if (line.startsWith('msgstr ')) {
      if (current) current.text = unquote(line);
      field = 'msgstr';
    } else if (line.startsWith('"')) {
      if (!current) continue;
      if (field === 'msgstr') current.text += unquote(line);
      else if (field === 'msgctxt') current.key += unquote(line);
    } else {
      field = undefined;
    }
  }
  return entries;
}
