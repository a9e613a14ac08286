import { isStorableText, unstorableTextPath } from './unstorable-text';

describe('unstorable text', () => {
  it('accepts any well-formed text without NUL, emoji and scripts included', () => {
    for (const text of ['', 'Përshëndetje', 'Ђорђе', '😀 👩‍👩‍👧', 'tab\tnew\nline', '\ufffd']) {
      expect(isStorableText(text)).toBe(true);
    }
  });

  it('refuses NUL characters and halves of surrogate pairs', () => {
    for (const text of ['\u0000', 'a\u0000b', '\ud800', 'x\udc00', '\ude00\ud83d']) {
      expect(isStorableText(text)).toBe(false);
    }
  });

  it('names the first field that holds such text, keys included, at any depth', () => {
    expect(unstorableTextPath({ a: 'ok', contact: { name: 'x\u0000' } })).toBe('contact.name');
    expect(unstorableTextPath({ grounds: ['ok', '\ud800'] })).toBe('grounds.1');
    expect(unstorableTextPath({ 'bad\u0000key': 1 })).toBe('bad\u0000key');
    expect(unstorableTextPath('\u0000')).toBe('(body)');
    expect(unstorableTextPath({ a: [1, null, true, { b: 'fine' }] })).toBeUndefined();
    expect(unstorableTextPath(undefined)).toBeUndefined();
  });

  it('walks a deeply nested body without exhausting the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unstorableTextPath(deep)).toMatch(/^0(\.0)+$/);
  });
});
