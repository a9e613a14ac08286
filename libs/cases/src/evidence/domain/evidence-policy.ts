/**
 * What evidence the platform keeps: photos, PDFs, office documents, audio and video, recognised
 * by their content (magic bytes), never by the name or the type the browser claims. Anything
 * else, plain text included (it cannot be recognised), is refused.
 */
export const ALLOWED_EVIDENCE_EXTENSIONS: ReadonlySet<string> = new Set([
  // images (phones take HEIC)
  'jpg',
  'png',
  'gif',
  'webp',
  'heic',
  'avif',
  // documents; `cfb` is the container of old Word and Excel files (.doc, .xls)
  'pdf',
  'docx',
  'xlsx',
  'pptx',
  'odt',
  'ods',
  'odp',
  'cfb',
  // audio (voice notes)
  'mp3',
  'm4a',
  'aac',
  'ogg',
  'oga',
  'opus',
  'wav',
  'amr',
  // video
  'mp4',
  'm4v',
  '3gp',
  '3g2',
  'mov',
  'webm',
]);

export interface SniffedType {
  ext: string;
  mime: string;
}

/** The media type to store, or undefined when the content is not an accepted kind. */
export function acceptedMediaType(sniffed: SniffedType | undefined): string | undefined {
  if (!sniffed || !ALLOWED_EVIDENCE_EXTENSIONS.has(sniffed.ext)) return undefined;
  return sniffed.mime;
}

export const MAX_EVIDENCE_NAME_LENGTH = 200;
const FALLBACK_NAME = 'evidence';

/**
 * The name shown for a file: without folders, control or direction-override characters
 * (they can disguise `photo‮gpj.exe`), at most 200 characters, never empty.
 */
export function sanitiseEvidenceName(original: string | undefined | null): string {
  const base = (original ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    // C0/C1 controls, bidirectional overrides and isolates, zero-width and BOM characters.
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const withoutDots = /^\.+$/.test(cleaned) ? '' : cleaned;
  const chars = [...withoutDots];
  const limited = chars.length > MAX_EVIDENCE_NAME_LENGTH ? keepExtension(chars) : withoutDots;
  return limited || FALLBACK_NAME;
}

function keepExtension(chars: string[]): string {
  const name = chars.join('');
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? [...name.slice(dot)] : [];
  return chars
    .slice(0, MAX_EVIDENCE_NAME_LENGTH - ext.length)
    .concat(ext)
    .join('')
    .trim();
}

export interface EvidenceLimits {
  maxFiles: number;
  maxFileBytes: number;
  maxTotalBytes: number;
}

export type EvidenceLimitViolation =
  'evidence_too_many_files' | 'evidence_file_too_large' | 'evidence_total_too_large';

/**
 * Counts files and bytes as they stream in, so an upload is stopped as soon as it breaks a
 * limit rather than after it was written. Starts from what the case already holds.
 */
export class EvidenceBudget {
  private files: number;
  private total: number;
  private current = 0;

  constructor(
    private readonly limits: EvidenceLimits,
    already: { files: number; bytes: number } = { files: 0, bytes: 0 },
  ) {
    this.files = already.files;
    this.total = already.bytes;
  }

  startFile(): EvidenceLimitViolation | undefined {
    if (this.files + 1 > this.limits.maxFiles) return 'evidence_too_many_files';
    this.files += 1;
    this.current = 0;
    return undefined;
  }

  addBytes(count: number): EvidenceLimitViolation | undefined {
    this.current += count;
    this.total += count;
    if (this.current > this.limits.maxFileBytes) return 'evidence_file_too_large';
    if (this.total > this.limits.maxTotalBytes) return 'evidence_total_too_large';
    return undefined;
  }
}
