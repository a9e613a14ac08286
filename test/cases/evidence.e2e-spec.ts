import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { TestServer, startTestServer } from '../support/test-server';
import {
  SubmittedCaseBody,
  elfExecutable,
  jpeg,
  multipart,
  pdf,
  png,
  rows,
  submitReport,
  uploadedFiles,
  windowsExecutable,
} from './case-fixtures';

function addEvidence(
  server: TestServer,
  filed: SubmittedCaseBody,
  files: Parameters<typeof multipart>[1],
  receiptCode: string | null = filed.receiptCode,
) {
  const body = multipart([], files);
  return server.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${filed.reference}/evidence`,
    payload: body.payload,
    headers: { ...body.headers, ...(receiptCode ? { 'x-receipt-code': receiptCode } : {}) },
  });
}

async function evidenceRows(server: TestServer, caseId: string) {
  return rows(
    server,
    'SELECT id, original_name, media_type, size_bytes, sha256, uploaded_by FROM case_evidence WHERE case_id = $1 ORDER BY original_name',
    [caseId],
  );
}

describe('Evidence added with the receipt code', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ INTAKE_RATE_LIMIT: '1000', FOLLOW_UP_RATE_LIMIT: '1000' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('stores files outside the web root under their id, mode 0600, typed by their content', async () => {
    const filed = await submitReport(server);
    const photo = png();
    const letter = pdf(3000);
    const res = await addEvidence(server, filed, [
      {
        filename: 'C:\\Users\\ana\\Desktop\\shkolla.png',
        content: photo,
        contentType: 'image/png',
      },
      // The browser's claim is ignored: the content decides.
      { filename: 'letter.pdf', content: letter, contentType: 'text/plain' },
    ]);
    expect(res.statusCode).toBe(201);
    const stored = await evidenceRows(server, filed.id);
    expect(stored).toEqual([
      {
        id: expect.any(String),
        original_name: 'letter.pdf',
        media_type: 'application/pdf',
        size_bytes: letter.length,
        sha256: createHash('sha256').update(letter).digest('hex'),
        uploaded_by: 'reporter',
      },
      {
        id: expect.any(String),
        original_name: 'shkolla.png',
        media_type: 'image/png',
        size_bytes: photo.length,
        sha256: createHash('sha256').update(photo).digest('hex'),
        uploaded_by: 'reporter',
      },
    ]);
    expect(
      res
        .json()
        .added.map((e: { name: string }) => e.name)
        .sort(),
    ).toEqual(['letter.pdf', 'shkolla.png']);

    for (const row of stored) {
      const id = String(row.id);
      const path = join(server.config.storage.uploadDir, id.slice(0, 2), id);
      const info = await stat(path);
      expect(info.mode & 0o777).toBe(0o600);
      const content = await readFile(path);
      expect(createHash('sha256').update(content).digest('hex')).toBe(row.sha256);
    }
    expect((await uploadedFiles(server)).filter((f) => f.endsWith('.part'))).toEqual([]);

    const view = await server.app.inject({
      method: 'POST',
      url: '/api/v1/follow-up',
      payload: { reference: filed.reference, receiptCode: filed.receiptCode },
    });
    const listed = view
      .json()
      .evidence.map((e: { name: string; mediaType: string }) => [e.name, e.mediaType]);
    expect(listed.sort()).toEqual([
      ['letter.pdf', 'application/pdf'],
      ['shkolla.png', 'image/png'],
    ]);
  });

  it.each([
    ['a Linux executable renamed photo.jpg', 'photo.jpg', elfExecutable(), 'image/jpeg'],
    ['a Windows executable renamed photo.jpg', 'photo.jpg', windowsExecutable(), 'image/jpeg'],
    [
      'plain text (its type cannot be recognised)',
      'notes.txt',
      Buffer.from('just some words\n'.repeat(20)),
      'text/plain',
    ],
    [
      'an HTML page',
      'page.pdf',
      Buffer.from('<!doctype html><script>alert(1)</script>'),
      'application/pdf',
    ],
  ])('refuses %s with 415 and keeps nothing', async (_what, filename, content, contentType) => {
    const filed = await submitReport(server);
    const filesBefore = await uploadedFiles(server);
    const res = await addEvidence(server, filed, [
      { filename: 'fine.png', content: png(), contentType: 'image/png' },
      { filename, content, contentType },
    ]);
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'evidence_type_refused' });
    expect(await evidenceRows(server, filed.id)).toEqual([]);
    expect(await uploadedFiles(server)).toEqual(filesBefore);
  });

  it('refuses a wrong receipt code before writing any file, with the same answer as an unknown case', async () => {
    const filed = await submitReport(server);
    const filesBefore = await uploadedFiles(server);
    const res = await addEvidence(
      server,
      filed,
      [{ filename: 'a.png', content: png() }],
      '0000000000000000',
    );
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('case_access_denied');
    const missing = await addEvidence(server, filed, [{ filename: 'a.png', content: png() }], null);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([expect.objectContaining({ field: 'X-Receipt-Code' })]);
    expect(await uploadedFiles(server)).toEqual(filesBefore);
  });

  it('refuses a request without files, or that is not multipart', async () => {
    const filed = await submitReport(server);
    const none = await addEvidence(server, filed, []);
    expect(none.statusCode).toBe(400);
    const json = await server.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${filed.reference}/evidence`,
      payload: { evidence: 'x' },
      headers: { 'x-receipt-code': filed.receiptCode },
    });
    expect(json.statusCode).toBe(415);
  });
});

describe('Evidence limits', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      INTAKE_RATE_LIMIT: '1000',
      FOLLOW_UP_RATE_LIMIT: '1000',
      EVIDENCE_MAX_FILES: '3',
      EVIDENCE_MAX_FILE_BYTES: '4096',
      EVIDENCE_MAX_TOTAL_BYTES: '10240',
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('refuses a file over the size limit with 413 and leaves no file behind', async () => {
    const filed = await submitReport(server);
    const filesBefore = await uploadedFiles(server);
    const res = await addEvidence(server, filed, [
      { filename: 'ok.jpg', content: jpeg(1000) },
      { filename: 'big.jpg', content: jpeg(4097) },
    ]);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('evidence_file_too_large');
    expect(await evidenceRows(server, filed.id)).toEqual([]);
    expect(await uploadedFiles(server)).toEqual(filesBefore);
    // Exactly at the limit is fine.
    expect(
      (await addEvidence(server, filed, [{ filename: 'edge.jpg', content: jpeg(4096) }]))
        .statusCode,
    ).toBe(201);
  });

  it('refuses files whose total is over the limit, counting what the case already holds', async () => {
    const filed = await submitReport(server);
    expect(
      (
        await addEvidence(server, filed, [
          { filename: 'a.jpg', content: jpeg(4000) },
          { filename: 'b.jpg', content: jpeg(4000) },
        ])
      ).statusCode,
    ).toBe(201);
    const filesBefore = await uploadedFiles(server);
    const res = await addEvidence(server, filed, [{ filename: 'c.jpg', content: jpeg(3000) }]);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('evidence_total_too_large');
    expect(await uploadedFiles(server)).toEqual(filesBefore);
    expect(await evidenceRows(server, filed.id)).toHaveLength(2);
  });

  it('refuses more files than a case may hold, in one request or over several', async () => {
    const filed = await submitReport(server);
    const four = [1, 2, 3, 4].map((n) => ({ filename: `${n}.png`, content: png() }));
    const filesBefore = await uploadedFiles(server);
    const res = await addEvidence(server, filed, four);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({
      code: 'evidence_too_many_files',
      detail: 'Mund të bashkëngjitni më së shumti 3 skedarë për një rast.',
    });
    expect(await uploadedFiles(server)).toEqual(filesBefore);

    expect((await addEvidence(server, filed, four.slice(0, 2))).statusCode).toBe(201);
    expect((await addEvidence(server, filed, four.slice(2, 3))).statusCode).toBe(201);
    const fourth = await addEvidence(server, filed, four.slice(3));
    expect(fourth.statusCode).toBe(413);
    expect(fourth.json().code).toBe('evidence_too_many_files');
    expect(await evidenceRows(server, filed.id)).toHaveLength(3);
  });
});
