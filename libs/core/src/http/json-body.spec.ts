import { constructorKeyPath, jsonNestingExceeds } from './json-body';

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

describe('constructorKeyPath', () => {
  it('names the first `constructor` key at any depth, walking without recursion', () => {
    expect(constructorKeyPath({ contact: { constructor: [null] } })).toBe('contact.constructor');
    expect(constructorKeyPath({ referrals: [{ constructor: 1 }] })).toBe('referrals.0.constructor');
    expect(constructorKeyPath({ constructor: 'x' })).toBe('constructor');
    expect(constructorKeyPath({ name: 'constructor', grounds: ['constructor'] })).toBeUndefined();
    expect(constructorKeyPath(null)).toBeUndefined();
    let deep: unknown = { constructor: 1 };
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(constructorKeyPath(deep)).toMatch(/^(0\.)+constructor$/);
  });
});
