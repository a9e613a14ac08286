import { columnArrays } from './column-arrays';

describe('columnArrays', () => {
  it('gives one array per column, in the order asked, each in the order of the rows', () => {
    const rows = [
      { a: 1, b: 'x', c: null },
      { a: 2, b: 'y', c: true },
    ];
    expect(columnArrays(rows, ['b', 'a', 'c'])).toEqual([
      ['x', 'y'],
      [1, 2],
      [null, true],
    ]);
  });

  it('gives empty arrays for no rows', () => {
    expect(columnArrays([] as { a: number }[], ['a'])).toEqual([[]]);
  });
});
