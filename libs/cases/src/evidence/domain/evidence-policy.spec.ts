import { attachmentDisposition } from '@app/core';
import { EvidenceBudget, acceptedMediaType, sanitiseEvidenceName } from './evidence-policy';

describe('acceptedMediaType', () => {
  it.each([
    [{ ext: 'jpg', mime: 'image/jpeg' }, 'image/jpeg'],
    [{ ext: 'png', mime: 'image/png' }, 'image/png'],
    [{ ext: 'heic', mime: 'image/heic' }, 'image/heic'],
    [{ ext: 'pdf', mime: 'application/pdf' }, 'application/pdf'],
    [
      {
        ext: 'docx',
        mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      },
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [{ ext: 'cfb', mime: 'application/x-cfb' }, 'application/x-cfb'],
    [{ ext: 'm4a', mime: 'audio/x-m4a' }, 'audio/x-m4a'],
    [{ ext: 'amr', mime: 'audio/amr' }, 'audio/amr'],
    [{ ext: 'mp4', mime: 'video/mp4' }, 'video/mp4'],
    [{ ext: '3gp', mime: 'video/3gpp' }, 'video/3gpp'],
  ])('accepts %j', (sniffed, expected) => {
    expect(acceptedMediaType(sniffed)).toBe(expected);
  });

  it.each([
    [{ ext: 'exe', mime: 'application/x-msdownload' }],
    [{ ext: 'zip', mime: 'application/zip' }],
    [{ ext: 'xml', mime: 'application/xml' }],
    [{ ext: 'rtf', mime: 'application/rtf' }],
    [{ ext: 'swf', mime: 'application/x-shockwave-flash' }],
    [undefined],
  ])(
    'refuses %j (an executable, an archive, markup, or content that is not recognised)',
    (sniffed) => {
      expect(acceptedMediaType(sniffed)).toBeUndefined();
    },
  );
});

describe('sanitiseEvidenceName', () => {
  it.each([
    ['photo.jpg', 'photo.jpg'],
    ['C:\\Users\\ana\\Desktop\\letter.pdf', 'letter.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['bad\u0000na\u0007me\r\n.png', 'badname.png'],
    ['photo\u202egpj.exe', 'photogpj.exe'],
    ['  spaced   out .jpg ', 'spaced out .jpg'],
    ['Fotografi e shkollës.jpg', 'Fotografi e shkollës.jpg'],
    ['', 'evidence'],
    ['..', 'evidence'],
    [undefined, 'evidence'],
  ])('turns %j into %j', (input, expected) => {
    expect(sanitiseEvidenceName(input)).toBe(expected);
  });

  it('keeps at most 200 characters and the extension', () => {
    const name = sanitiseEvidenceName(`${'ë'.repeat(300)}.jpeg`);
    expect([...name]).toHaveLength(200);
    expect(name.endsWith('.jpeg')).toBe(true);
  });
});

describe('EvidenceBudget', () => {
  const limits = { maxFiles: 2, maxFileBytes: 100, maxTotalBytes: 150 };

  it('lets files through within every limit', () => {
    const budget = new EvidenceBudget(limits);
    expect(budget.startFile()).toBeUndefined();
    expect(budget.addBytes(100)).toBeUndefined();
    expect(budget.startFile()).toBeUndefined();
    expect(budget.addBytes(50)).toBeUndefined();
  });

  it('stops a file at the first byte over the file limit', () => {
    const budget = new EvidenceBudget(limits);
    budget.startFile();
    expect(budget.addBytes(60)).toBeUndefined();
    expect(budget.addBytes(41)).toBe('evidence_file_too_large');
  });

  it('stops the upload when the total is over the limit', () => {
    const budget = new EvidenceBudget(limits);
    budget.startFile();
    budget.addBytes(90);
    budget.startFile();
    expect(budget.addBytes(61)).toBe('evidence_total_too_large');
  });

  it('counts what the case already holds', () => {
    const budget = new EvidenceBudget(limits, { files: 2, bytes: 10 });
    expect(budget.startFile()).toBe('evidence_too_many_files');
    const nearlyFull = new EvidenceBudget(limits, { files: 1, bytes: 140 });
    nearlyFull.startFile();
    expect(nearlyFull.addBytes(11)).toBe('evidence_total_too_large');
  });
});

describe('attachmentDisposition', () => {
  it('always makes a download, with the UTF-8 name and an ASCII fallback', () => {
    expect(attachmentDisposition('Fotografi e shkollës.jpg')).toBe(
      `attachment; filename="Fotografi e shkolles.jpg"; filename*=UTF-8''Fotografi%20e%20shkoll%C3%ABs.jpg`,
    );
  });

  it('keeps quotes and separators out of the header', () => {
    const header = attachmentDisposition(`a"b\\c'd(e).pdf`);
    expect(header).toBe(
      `attachment; filename="a_b_c'd(e).pdf"; filename*=UTF-8''a%22b%5Cc%27d%28e%29.pdf`,
    );
  });
});
