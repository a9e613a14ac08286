import { jsonNestingExceeds } from './json-body';

describe('jsonNestingExceeds', () => {
  it('counts nested objects and arrays, not brackets inside strings', () => {
    expect(jsonNestingExceeds('{"a":[1,{"b":2}]}', 3)).toBe(false);
    expect(jsonNestingExceeds('{"a":[1,{"b":2}]}', 2)).toBe(true);
    expect(jsonNestingExceeds('{"a":"[[[[[[{{{{"}', 1)).toBe(false);
    expect(jsonNestingExceeds('{"a":"\\\\"}', 1)).toBe(false);
    expect(jsonNestingExceeds('{"a":"\\"[[[["}', 1)).toBe(false);
    expect(jsonNestingExceeds('[[],[],[[]]]', 3)).toBe(false);
    expect(jsonNestingExceeds('"plain"', 0)).toBe(false);
  });

  it('reads a body nested 100,000 deep without recursion', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(jsonNestingExceeds(deep, 32)).toBe(true);
    expect(jsonNestingExceeds('{"a":'.repeat(32) + '1' + '}'.repeat(32), 32)).toBe(false);
    expect(jsonNestingExceeds('{"a":'.repeat(33) + '1' + '}'.repeat(33), 32)).toBe(true);
  });
});
