import { compose } from './compose';
import { keyOfList, keyedLists, registerKeyedLists } from './keyed-lists';

describe('the keyed lists registry (filled by the contexts, read by compose, rulesDiff and plugin:new)', () => {
  it('refuses to answer while no context has registered its lists, rather than merge every list wholesale', () => {
    expect(() => keyedLists()).toThrow(/no keyed lists are registered/);
    expect(() => compose([{ items: [{ id: 'a' }] }], { items: [{ id: 'b' }] })).toThrow(/no keyed lists/);
  });

  it('keeps the lists in the order registered; the same list again changes nothing, another key is refused', () => {
    registerKeyedLists({ 'x.items': 'id', rows: 'code' });
    registerKeyedLists({ 'x.items': 'id' });
    expect(Object.entries(keyedLists())).toEqual([
      ['x.items', 'id'],
      ['rows', 'code'],
    ]);
    expect(keyOfList('rows')).toBe('code');
    expect(keyOfList('x')).toBeUndefined();
    expect(() => registerKeyedLists({ rows: 'name' })).toThrow(
      /keyed list rows is registered by "code" and again by "name"/,
    );
  });
});
