import { SDK_VERSION, effectivePluginSchema, readPluginFile, rruleSchema } from '@jm/plugin-sdk';

describe('plugin SDK primitives', () => {
  it('accepts RFC 5545 rules and rejects others', () => {
    expect(rruleSchema.safeParse('FREQ=MONTHLY').success).toBe(true);
    expect(rruleSchema.safeParse('FREQ=WEEKLY;BYDAY=MO').success).toBe(true);
    expect(rruleSchema.safeParse('every month').success).toBe(false);
    expect(rruleSchema.safeParse('INTERVAL=2').success).toBe(false);
  });
  it('refuses a cadence that fires within a day (every hour, minute or second) with a clear message', () => {
    for (const rule of ['FREQ=SECONDLY', 'FREQ=MINUTELY', 'FREQ=HOURLY'])
      expect(rruleSchema.safeParse(rule).success).toBe(false);
    for (const rule of [
      'FREQ=DAILY;BYSECOND=0,1,2,3',
      'FREQ=DAILY;BYHOUR=0,1,2;BYMINUTE=0',
      'FREQ=WEEKLY;BYMINUTE=5',
    ]) {
      const r = rruleSchema.safeParse(rule);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0].message).toMatch(/BYHOUR, BYMINUTE and BYSECOND are not allowed/);
    }
    expect(rruleSchema.safeParse('FREQ=DAILY').success).toBe(true);
  });
  it('has a semantic version', () => {
    expect(SDK_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe("plugin SDK: the member register (members) refers to the plugin's own units and convener posts", () => {
  const shizi = readPluginFile(new URL('../../plugins/shizi-town/plugin.yaml', import.meta.url)).value as Record<
    string,
    unknown
  > & { members: { persons: Record<string, unknown>[] } };
  const withPerson = (person: Record<string, unknown>) => ({
    ...shizi,
    members: { persons: [...shizi.members.persons, person] },
  });
  const problems = (data: unknown) =>
    (effectivePluginSchema.safeParse(data).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

  it("accepts a member sitting for a unit named by an alias (annex 2's spelling)", () => {
    expect(
      problems(withPerson({ name: '某某', post: '负责同志', unit: '十字镇财政', role: 'LIAISON', source: 'x art. 1' })),
    ).toEqual([]);
  });
  it('refuses a unit that is not a member unit, a convener post that does not exist, and a convener key on a member', () => {
    expect(
      problems(
        withPerson({ name: '某某', post: '负责同志', unit: '不存在的办公室', role: 'MEMBER', source: 'x art. 1' }),
      ),
    ).toEqual(['members.persons.25.unit: "不存在的办公室" is not one of the member units']);
    expect(problems(withPerson({ post: '书记', role: 'CONVENER', convener: 'nobody', source: 'x art. 1' }))).toEqual([
      'members.persons.25.convener: "nobody" is not one of the conveners\' keys',
    ]);
    expect(
      problems(withPerson({ post: '书记', unit: '李村', role: 'MEMBER', convener: 'mayor', source: 'x art. 1' })),
    ).toEqual(['members.persons.25.convener: only a CONVENER holds a convener post']);
  });
});
