import { PLUGIN_SOURCE_LIMITS, parsePluginSource } from '@jm/plugin-sdk';

describe('parsePluginSource', () => {
  it('reads YAML into plain data and locates a field by its key, 1-based', () => {
    const parsed = parsePluginSource(
      'id: x-town\nmeetingTypes:\n  - code: WORKING\n    cadence:\n      rrule: FREQ=SECONDLY\n',
      'YAML',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.value).toEqual({
      id: 'x-town',
      meetingTypes: [{ code: 'WORKING', cadence: { rrule: 'FREQ=SECONDLY' } }],
    });
    expect(parsed.locate(['meetingTypes', 0, 'cadence', 'rrule'])).toEqual({ line: 5, column: 7 });
    // A missing field is located at the deepest part that exists.
    expect(parsed.locate(['meetingTypes', 0, 'minutes', 'kind'])).toEqual({ line: 3, column: 5 });
  });

  it('reads JSON with positions too, and reports JSON syntax errors', () => {
    expect(parsePluginSource('{\n  "id": "x",\n  "level": "TOWN"\n}', 'JSON').locate(['level'])).toEqual({
      line: 3,
      column: 3,
    });
    expect(parsePluginSource('{ "id": ', 'JSON').problems[0]).toMatchObject({
      path: '(source)',
      message: expect.stringMatching(/^is not valid JSON/),
    });
  });

  it('refuses tags, anchors and aliases: nothing but plain data can be built', () => {
    const tagged = parsePluginSource('id: x\nhook: !!js/function "function () { return 1 }"\n', 'YAML');
    expect(tagged.value).toBeUndefined();
    expect(tagged.problems).toEqual([
      { path: '(source)', message: 'tags (!!js/function) are not allowed in a plugin', line: 2, column: 7 },
    ]);
    const aliased = parsePluginSource('a: &x [1, 2]\nb: *x\n', 'YAML');
    expect(aliased.problems.map((p) => p.message)).toEqual([
      'anchors (&x) are not allowed in a plugin',
      'aliases (*x) are not allowed in a plugin',
    ]);
  });

  it('reports syntax errors and duplicate keys with line and column', () => {
    const dup = parsePluginSource('id: a\nid: b\n', 'YAML');
    expect(dup.problems).toEqual([
      expect.objectContaining({ path: '(source)', line: 2, column: 1, message: expect.stringContaining('unique') }),
    ]);
  });

  it('refuses texts over the size, depth and value limits', () => {
    expect(
      parsePluginSource(`id: "${'x'.repeat(PLUGIN_SOURCE_LIMITS.maxBytes)}"`, 'YAML').problems[0]?.message,
    ).toMatch(/bytes; a plugin may have at most/);
    const deep = `a: ${'['.repeat(40)}${']'.repeat(40)}`;
    expect(parsePluginSource(deep, 'YAML').problems[0]).toMatchObject({
      message: 'is nested more than 16 levels deep',
      line: 1,
    });
    const many = `list: [${Array.from({ length: PLUGIN_SOURCE_LIMITS.maxNodes + 5 }, (_, i) => i).join(',')}]`;
    expect(parsePluginSource(many, 'YAML').problems[0]?.message).toBe(
      `has more than ${PLUGIN_SOURCE_LIMITS.maxNodes} values`,
    );
  });

  it('refuses a document that is not a map, and prototype keys', () => {
    expect(parsePluginSource('- 1\n', 'YAML').problems[0]).toMatchObject({ path: '(root)' });
    expect(parsePluginSource('__proto__: { polluted: true }\n', 'YAML').problems[0]).toMatchObject({
      path: '__proto__',
    });
  });
});
