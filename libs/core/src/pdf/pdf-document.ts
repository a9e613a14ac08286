/**
 * A printable document as plain data: what a lib wants on the page, built on the request
 * thread, drawn by pdfkit in a worker thread ({@link PdfRenderer}). Every text goes through
 * `pdfSafeText` when it is drawn, so no lib has to remember it. The PDF is tagged (headings,
 * paragraphs, the document language), so screen readers read it in order and in its language.
 */
import type { Locale } from '../i18n/locale';

/**
 * A PDF's /Lang for each offered locale (BCP 47): Serbian in the script it is written in;
 * Romani has the ISO 639-2 code `rom`.
 */
export const PDF_LANGUAGE_TAGS: Record<Locale, string> = {
  sq: 'sq',
  sr: 'sr-Latn',
  'sr-Cyrl': 'sr-Cyrl',
  en: 'en',
  rom: 'rom',
};

export type PdfBlock =
  /** A bold heading (H1 to H3 in the structure), with space around it. */
  | { kind: 'heading'; text: string; level: 1 | 2 | 3 }
  /** `Label: value`, the label bold; the value's own line breaks are kept. */
  | { kind: 'labelled'; label: string; value: string }
  /** A paragraph of one or a few lines. */
  | { kind: 'line'; text: string; bold?: boolean }
  /**
   * Text as someone wrote it (minutes, a decision): each run of lines between blank lines is a
   * paragraph, and a single line break stays a line break.
   */
  | { kind: 'text'; text: string }
  /** Vertical space, in lines. */
  | { kind: 'gap'; lines: number };

export interface PdfDocumentSpec {
  /** The document's title (PDF metadata, shown by viewers instead of the file name). */
  title: string;
  /** The language of the text, as a BCP 47 tag (the PDF's /Lang), e.g. `sq`, `sr-Latn`. */
  lang: string;
  /** Creation time as ISO 8601 (PDF metadata); a string, as it crosses to the worker thread. */
  createdAt: string;
  /**
   * Lines printed at the top of every page (who issues the document, what it is about), with
   * the page number; marked as a page artifact, so they are not read out on every page.
   */
  header?: string[];
  /** `Page {page} of {pages}`-style text for the header; `{page}` and `{pages}` are replaced. */
  pageLabel?: string;
  blocks: PdfBlock[];
}
