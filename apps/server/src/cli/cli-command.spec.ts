import { parseOptions } from './cli-command';

describe('parseOptions', () => {
  it('reads flags, values and `--key=value`', () => {
    expect(parseOptions(['--fix', '--limit', '5', '--lang=en'])).toEqual({
      fix: true,
      limit: '5',
      lang: 'en',
    });
  });

  it('collects the values of a key given again, in order', () => {
    expect(parseOptions(['--in', 'a.json', '--in', 'b.json', '--in=c.json'])).toEqual({
      in: ['a.json', 'b.json', 'c.json'],
    });
  });

  it('refuses a bare argument', () => {
    expect(() => parseOptions(['regional'])).toThrow('Unexpected argument "regional"');
  });
});
