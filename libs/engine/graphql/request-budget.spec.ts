import { countTokens, depthOf } from './request-budget';

describe('request budget', () => {
  it("counts a document's tokens, comments excluded, and stops past the budget", () => {
    expect(countTokens('{ me { id } }', 100)).toBe(6);
    expect(countTokens('# a comment\n{ me }', 100)).toBe(3);
    expect(countTokens(`{ ${'me '.repeat(100000)}}`, 1000)).toBe(1001);
    // A lexical error is left to the parser to report.
    expect(countTokens('{ "unterminated', 100)).toBeLessThan(100);
  });
  it('measures nesting without recursion, 50,000 levels included', () => {
    expect(depthOf(undefined, 32)).toBe(0);
    expect(depthOf({ a: 1, b: [1, { c: 2 }] }, 32)).toBe(3);
    let deep: unknown = 1;
    for (let i = 0; i < 50000; i++) deep = i % 2 ? { x: deep } : [deep];
    expect(depthOf({ v: deep }, 32)).toBe(33);
  });
});
