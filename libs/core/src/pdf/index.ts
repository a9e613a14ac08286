export * from './pdf-document';
export * from './pdf-renderer';
export { MAX_RUN, PDF_TEXT_LIMIT, pdfSafeText } from './safe-text';
