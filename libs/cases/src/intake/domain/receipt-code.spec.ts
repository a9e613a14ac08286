import { formatReceiptCode, generateReceiptCode, normaliseReceiptCode } from './receipt-code';

describe('receipt codes', () => {
  it('are 16 digits, leading zeros included', () => {
    for (let i = 0; i < 200; i++) expect(generateReceiptCode()).toMatch(/^\d{16}$/);
  });

  it('differ from one case to the next', () => {
    const codes = new Set(Array.from({ length: 1000 }, () => generateReceiptCode()));
    expect(codes.size).toBe(1000);
  });

  it('are shown in groups of four', () => {
    expect(formatReceiptCode('0123456789012345')).toBe('0123 4567 8901 2345');
  });

  it.each([
    ['0123456789012345', '0123456789012345'],
    ['0123 4567 8901 2345', '0123456789012345'],
    [' 0123-4567-8901-2345 ', '0123456789012345'],
    ['0123.4567.8901.2345', '0123456789012345'],
  ])('reads %j as typed', (input, expected) => {
    expect(normaliseReceiptCode(input)).toBe(expected);
  });

  it.each([
    '',
    '123',
    '01234567890123456',
    '0123 4567 8901 234x',
    '０１２３４５６７８９０１２３４５',
  ])('refuses %j', (input) => {
    expect(normaliseReceiptCode(input)).toBeUndefined();
  });
});
