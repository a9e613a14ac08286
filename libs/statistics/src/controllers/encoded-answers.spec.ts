import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { EncodedAnswers, chooseEncoding } from './encoded-answers';

describe('chooseEncoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['identity', 'identity'],
    ['deflate', 'identity'],
    ['gzip, deflate', 'gzip'],
    ['x-gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0.5, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['*', 'br'],
    ['*;q=0.3, br;q=0', 'gzip'],
    [['gzip', 'br;q=0.1'], 'gzip'],
  ] as const)('%j -> %s', (header, expected) => {
    expect(chooseEncoding(header as string | string[] | undefined)).toBe(expected);
  });
});

describe('EncodedAnswers', () => {
  const answer = Object.freeze({
    years: Array.from({ length: 100 }, (_, i) => ({ year: 2000 + i })),
  });

  it('gives the answer as JSON, compressed as asked, each encoding made once', () => {
    const encoded = new EncodedAnswers();
    const plain = encoded.body(answer, undefined);
    expect(plain.encoding).toBe('identity');
    expect(JSON.parse(plain.body.toString('utf8'))).toEqual(answer);
    const br = encoded.body(answer, 'br');
    expect(br.encoding).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.body).toString('utf8'))).toEqual(answer);
    const gzip = encoded.body(answer, 'gzip');
    expect(gzip.encoding).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.body).toString('utf8'))).toEqual(answer);
    expect(encoded.body(answer, 'gzip').body).toBe(gzip.body);
  });

  it('leaves a small answer as it is', () => {
    const small = Object.freeze({ year: 2025 });
    expect(new EncodedAnswers().body(small, 'gzip, br')).toMatchObject({ encoding: 'identity' });
  });
});
