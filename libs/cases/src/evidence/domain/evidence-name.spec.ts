import { evidenceNameFor } from './evidence-name';
import { MAX_EVIDENCE_NAME_LENGTH } from './evidence-policy';

describe('evidenceNameFor', () => {
  it.each([
    ['photo.jpg', 'jpg', 'photo.jpg'],
    ['Photo.JPEG', 'jpg', 'Photo.JPEG'],
    ['scan.pdf', 'pdf', 'scan.pdf'],
    ['voice.ogg', 'opus', 'voice.ogg'],
    ['letter.doc', 'cfb', 'letter.doc'],
  ])('keeps %s when its extension fits its %s content', (name, ext, expected) => {
    expect(evidenceNameFor(name, ext)).toBe(expected);
  });

  it.each([
    ['photo.jpg.exe', 'jpg', 'photo.jpg'],
    ['photo.png.html', 'jpg', 'photo.png.jpg'],
    ['invoice.html', 'pdf', 'invoice.pdf'],
    ['report', 'pdf', 'report.pdf'],
    ['my holiday. photo', 'png', 'my holiday. photo.png'],
    ['.htaccess', 'png', '.htaccess.png'],
    ['archive.tar.gz', 'docx', 'archive.tar.docx'],
  ])('gives %s an extension matching its %s content', (name, ext, expected) => {
    expect(evidenceNameFor(name, ext)).toBe(expected);
  });

  it('stays within the length limit when it adds an extension', () => {
    const long = `${'a'.repeat(MAX_EVIDENCE_NAME_LENGTH - 4)}.exe`;
    const named = evidenceNameFor(long, 'jpg');
    expect(named.endsWith('.jpg')).toBe(true);
    expect([...named].length).toBeLessThanOrEqual(MAX_EVIDENCE_NAME_LENGTH);
  });
});
