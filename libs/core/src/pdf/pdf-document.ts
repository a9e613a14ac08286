/**
 * A printable document as plain data: what a lib wants on the page, built on the request
 * thread, drawn by pdfkit in a worker thread ({@link PdfRenderer}). Every text goes through
 * `pdfSafeText` when it is drawn, so no lib has to remember it.
 */
export type PdfBlock =
  /** A bold title line of the given font size, with space around it. */
  | { kind: 'heading'; text: string; size: number }
  /** `Label: value`, the label bold, the value wrapping under it. */
  | { kind: 'labelled'; label: string; value: string }
  /** A paragraph. */
  | { kind: 'line'; text: string; bold?: boolean }
  /** Vertical space, in lines. */
  | { kind: 'gap'; lines: number };

export interface PdfDocumentSpec {
  /** The document's title (PDF metadata). */
  title: string;
  /** Creation time as ISO 8601 (PDF metadata); a string, as it crosses to the worker thread. */
  createdAt: string;
  blocks: PdfBlock[];
}
