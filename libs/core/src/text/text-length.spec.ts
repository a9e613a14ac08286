import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { codePointCount, measureText, textLengthProblem } from './text-length';
import { TextLength, textLengthErrors } from './text-length.validator';

describe('measureText', () => {
  it('counts what a reader sees: a decomposed accent is one character', () => {
    expect(measureText('e\u0301')).toEqual({ characters: 1, lettersOrDigits: 1, codePoints: 2 });
    expect(measureText('Ëndërr')).toMatchObject({ characters: 6, lettersOrDigits: 6 });
  });

  it('counts an emoji family as one character and no letter', () => {
    expect(measureText('👨‍👩‍👧')).toMatchObject({ characters: 1, lettersOrDigits: 0 });
  });

  it('counts code points as PostgreSQL does, surrogate pairs as one', () => {
    expect(codePointCount('a😀b')).toBe(3);
    expect(codePointCount('\ud800x')).toBe(2);
  });
});

describe('textLengthProblem', () => {
  it('refuses a letter followed by thousands of combining marks', () => {
    expect(textLengthProblem('a' + '\u0301'.repeat(5000), 20, 10_000)).toBe('tooShort');
  });

  it('refuses marks alone and invisible characters alone', () => {
    expect(textLengthProblem('\u0301'.repeat(30), 20, 10_000)).toBe('tooShort');
    expect(textLengthProblem('\u200b'.repeat(30), 20, 10_000)).toBe('tooFewLetters');
    expect(textLengthProblem('\u200d'.repeat(30), 20, 10_000)).toBe('tooShort');
    expect(textLengthProblem('!'.repeat(30), 20, 10_000)).toBe('tooFewLetters');
  });

  it('accepts a normal sentence with accents and punctuation', () => {
    expect(textLengthProblem('Më refuzuan në shkollë, sepse jam Rom.', 20, 10_000)).toBeUndefined();
    expect(textLengthProblem('Odbili su me u školi — zašto?', 20, 10_000)).toBeUndefined();
  });

  it('counts letters wherever they come in the text, and asks nothing of an empty minimum', () => {
    expect(textLengthProblem(`${'!'.repeat(25)}abcdefghij`, 20, 10_000)).toBeUndefined();
    expect(textLengthProblem(`${'!'.repeat(25)}abcdefghi`, 20, 10_000)).toBe('tooFewLetters');
    expect(textLengthProblem(`${'a'.repeat(10)}${'!'.repeat(9)}`, 20, 10_000)).toBe('tooShort');
    expect(textLengthProblem('', 0, 10)).toBeUndefined();
  });

  it('bounds the maximum in code points, so storage is bounded whatever the text', () => {
    expect(textLengthProblem('a'.repeat(200), 1, 200)).toBeUndefined();
    expect(textLengthProblem('a'.repeat(201), 1, 200)).toBe('tooLong');
    expect(textLengthProblem('e\u0301'.repeat(101), 1, 200)).toBe('tooLong');
    expect(textLengthProblem('😀'.repeat(201), 1, 200)).toBe('tooLong');
  });

  it('asks for at least one letter or digit in a one-character minimum', () => {
    expect(textLengthProblem('\u200b', 1, 200)).toBe('tooFewLetters');
    expect(textLengthProblem('7', 1, 200)).toBeUndefined();
  });
});

describe('TextLength', () => {
  class Sample {
    @TextLength(20, 100)
    text!: string;
  }
  const codes = (text: string) =>
    validateSync(plainToInstance(Sample, { text })).flatMap((e) =>
      Object.keys(e.constraints ?? {}),
    );

  it('gives one rule per failure: isLength for the count, hasLetters for letters', () => {
    expect(codes('a' + '\u0301'.repeat(5000))).toEqual(['isLength']);
    expect(codes('\u200b'.repeat(25))).toEqual(['hasLetters']);
    expect(codes('x'.repeat(101))).toEqual(['isLength']);
    expect(codes('Një përshkrim i zakonshëm.')).toEqual([]);
  });

  it('has the same rule for texts checked by hand', () => {
    expect(textLengthErrors('body', '\u200b', 1, 10)).toEqual([
      expect.objectContaining({ field: 'body', code: 'hasLetters', params: { 0: 1 } }),
    ]);
    expect(textLengthErrors('body', '', 1, 10)).toEqual([
      expect.objectContaining({ code: 'isLength', params: { 0: 1, 1: 10 } }),
    ]);
    expect(textLengthErrors('body', 'ok', 1, 10)).toEqual([]);
  });
});
