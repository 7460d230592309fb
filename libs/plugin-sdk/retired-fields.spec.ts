import { SnapshotError, effectivePluginSchema, readPluginFile, readSnapshot } from '@jm/plugin-sdk';

describe('a snapshot written before issue 14 retired four fields no source states', () => {
  const xiacang = effectivePluginSchema.parse(
    readPluginFile(new URL('../../plugins/xiacang-town/plugin.yaml', import.meta.url)).value,
  );
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a snapshot as stored: untyped JSON
  const old = JSON.parse(JSON.stringify(xiacang)) as Record<string, any>;
  old.meetingTypes[0].minutes.draftWithin = { amount: 3, unit: 'WORKING_DAYS' };
  old.operations.agreedItems = {
    defaultDue: { amount: 10, unit: 'WORKING_DAYS' },
    acceptedBy: 'OFFICE_DIRECTOR',
    source: 'x',
  };
  old.operations.issueLists.cadence = { rrule: 'FREQ=MONTHLY', minimum: true, source: 'x' };

  it('still reads (the retired fields dropped), so the tenant keeps running', () => {
    const read = readSnapshot(old, '1.0.0');
    expect(read.meetingTypes[0].minutes).not.toHaveProperty('draftWithin');
    expect(read.operations).not.toHaveProperty('agreedItems');
    expect(read.operations.issueLists).toEqual({ recipient: 'CONVENER', source: '000 art. 12' });
  });

  it('a plugin file that declares one is refused as an unknown key', () => {
    expect(effectivePluginSchema.safeParse(old).success).toBe(false);
    expect(() => readSnapshot({ ...old, id: 42 }, '1.0.0')).toThrow(SnapshotError);
  });
});
