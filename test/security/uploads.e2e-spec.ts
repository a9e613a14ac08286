import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  SubmittedCaseBody,
  jpeg,
  multipart,
  pdf,
  png,
  rows,
  submitReport,
  uploadedFiles,
  windowsExecutable,
} from '../cases/case-fixtures';
import { StaffLogin, createStaff, loginAs } from '../support/staff';
import { TestServer, startTestServer } from '../support/test-server';

/** A JPEG header followed by an HTML page with a script: a browser sniffing it would run it. */
function jpegHtmlPolyglot(): Buffer {
  return Buffer.concat([
    jpeg(64),
    Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>'),
  ]);
}

/** A PDF whose tail is a ZIP archive (a classic PDF/ZIP polyglot). */
function pdfZipPolyglot(): Buffer {
  const zipEntry = Buffer.concat([
    Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00]),
    Buffer.alloc(20, 0),
    Buffer.from('evil.html<script>alert(1)</script>'),
  ]);
  return Buffer.concat([pdf(400), zipEntry]);
}

describe('Evidence uploads with hostile names and contents', () => {
  let server: TestServer;
  let admin: StaffLogin;

  beforeAll(async () => {
    server = await startTestServer({ INTAKE_RATE_LIMIT: '1000', FOLLOW_UP_RATE_LIMIT: '1000' });
    admin = await loginAs(server, await createStaff(server, { role: 'administrator' }));
  });
  afterAll(async () => {
    await server.close();
  });

  async function upload(filed: SubmittedCaseBody, files: Parameters<typeof multipart>[1]) {
    const body = multipart([], files);
    return server.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${filed.reference}/evidence`,
      payload: body.payload,
      headers: { ...body.headers, 'x-receipt-code': filed.receiptCode },
    });
  }

  async function stored(caseId: string) {
    return rows<{ id: string; original_name: string; media_type: string }>(
      server,
      'SELECT id, original_name, media_type FROM case_evidence WHERE case_id = $1 ORDER BY created_at, original_name',
      [caseId],
    );
  }

  it('keeps only the last part of a path-traversal name and writes only under its random id', async () => {
    const filed = await submitReport(server);
    const before = await uploadedFiles(server);
    const res = await upload(filed, [
      { filename: '../../etc/passwd.jpg', content: jpeg() },
      { filename: '..\\..\\Windows\\win.ini.png', content: png() },
      { filename: '/var/www/html/shell.pdf', content: pdf() },
    ]);
    expect(res.statusCode).toBe(201);
    const saved = await stored(filed.id);
    expect(saved.map((r) => r.original_name).sort()).toEqual([
      'passwd.jpg',
      'shell.pdf',
      'win.ini.png',
    ]);
    const after = await uploadedFiles(server);
    const added = after.filter((f) => !before.includes(f)).sort();
    // Each file is <first two characters of its id>/<id>: nothing else, nowhere else.
    expect(added).toEqual(saved.map((r) => join(r.id.slice(0, 2), r.id)).sort());
  });

  it('drops an extension that does not match the content (photo.jpg.exe holding a JPEG is photo.jpg)', async () => {
    const filed = await submitReport(server);
    const res = await upload(filed, [
      { filename: 'photo.jpg.exe', content: jpeg() },
      { filename: 'invoice.pdf.html', content: pdf() },
      { filename: 'scan.exe', content: png() },
      { filename: 'photo\u202egpj.exe', content: jpeg() },
      { filename: 'a\u0000b.png', content: png() },
    ]);
    expect(res.statusCode).toBe(201);
    expect((await stored(filed.id)).map((r) => r.original_name).sort()).toEqual(
      ['ab.png', 'invoice.pdf', 'photo.jpg', 'photogpj.jpg', 'scan.png'].sort(),
    );
  });

  it('refuses what its content shows is not evidence, whatever its name (executables, SVG with script)', async () => {
    const filed = await submitReport(server);
    const svg = Buffer.from(
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    for (const [filename, content] of [
      ['photo.jpg.exe', windowsExecutable()],
      ['picture.png', svg],
      ['report.pdf', Buffer.from('<!doctype html><script>alert(1)</script>')],
    ] as const) {
      const res = await upload(filed, [{ filename, content }]);
      expect([filename, res.statusCode]).toEqual([filename, 415]);
    }
    expect(await stored(filed.id)).toEqual([]);
  });

  it('neutralises polyglots: kept as the type their header shows, served only as an attachment with nosniff', async () => {
    const filed = await submitReport(server);
    const res = await upload(filed, [
      { filename: 'holiday.html', content: jpegHtmlPolyglot(), contentType: 'text/html' },
      { filename: 'contract.zip', content: pdfZipPolyglot(), contentType: 'application/zip' },
    ]);
    expect(res.statusCode).toBe(201);
    const saved = await stored(filed.id);
    expect(saved.map((r) => [r.original_name, r.media_type]).sort()).toEqual([
      ['contract.pdf', 'application/pdf'],
      ['holiday.jpg', 'image/jpeg'],
    ]);
    for (const file of saved) {
      const download = await server.app.inject({
        method: 'GET',
        url: `/api/v1/cases/${filed.id}/evidence/${file.id}`,
        headers: { cookie: admin.cookie },
      });
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toBe('application/octet-stream');
      expect(download.headers['content-disposition']).toMatch(
        new RegExp(`^attachment; filename="${file.original_name}"`),
      );
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(String(download.headers['content-security-policy'])).toContain("default-src 'self'");
      // The bytes are served unchanged (the evidence is not altered), just never rendered.
      const onDisk = await readFile(
        join(server.config.storage.uploadDir, file.id.slice(0, 2), file.id),
      );
      expect(download.rawPayload.equals(onDisk)).toBe(true);
    }
  });
});
