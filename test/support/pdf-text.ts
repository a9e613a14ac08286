import { execFile } from 'node:child_process';
import { join } from 'node:path';

/**
 * Extracts the text of a PDF with a real extractor (pdf-parse, built on Mozilla's pdf.js), in a
 * child Node process: pdf.js loads its worker with a dynamic import, which jest's module
 * system cannot run. `pdfText` collapses whitespace, as line breaks depend on the layout.
 */
const SCRIPT = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  try {
    const result = await parser.getText();
    process.stdout.write(result.text);
  } finally {
    await parser.destroy();
  }
});
`;

export async function pdfText(pdf: Buffer): Promise<string> {
  return (await pdfRawText(pdf)).replace(/\s+/g, ' ');
}

/** The extracted text with its line breaks, as the extractor reads the layout. */
export function pdfRawText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', SCRIPT],
      { cwd: join(__dirname, '../..'), maxBuffer: 20 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`PDF text extraction failed: ${stderr || error.message}`));
        else resolve(stdout);
      },
    );
    child.stdin!.end(pdf);
  });
}
