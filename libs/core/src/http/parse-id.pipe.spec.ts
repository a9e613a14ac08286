import { NotFoundError } from '../errors/domain-error';
import { ParseIdPipe, isUuid } from './parse-id.pipe';

describe('ParseIdPipe', () => {
  it('passes an id written 8-4-4-4-12 in hexadecimal, in either case', () => {
    const id = '3f2b8c1e-9d4a-4e6f-8a7b-1c2d3e4f5a6b';
    expect(new ParseIdPipe().transform(id)).toBe(id);
    expect(new ParseIdPipe().transform(id.toUpperCase())).toBe(id.toUpperCase());
  });

  it('answers anything else as not found, with the code of the resource', () => {
    for (const bad of [
      '-'.repeat(36),
      'a'.repeat(36),
      '3f2b8c1e9d4a4e6f8a7b1c2d3e4f5a6b',
      '{3f2b8c1e-9d4a-4e6f-8a7b-1c2d3e4f5a6b}',
      '3f2b8c1e-9d4a-4e6f-8a7b-1c2d3e4f5a6g',
      '3f2b8c1e-9d4a-4e6f-8a7b-1c2d3e4f5a6b\n',
      '',
      undefined,
    ]) {
      expect(isUuid(bad)).toBe(false);
      expect(() => new ParseIdPipe('evidence_not_found').transform(bad)).toThrow(
        expect.objectContaining({ status: 404, code: 'evidence_not_found' }) as NotFoundError,
      );
    }
  });
});
