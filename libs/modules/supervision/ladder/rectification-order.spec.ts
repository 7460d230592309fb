import type { StatedDuration } from '@jm/plugin-sdk';
import { rectificationOrderOf } from './rectification-order';
import type { SupervisionRules } from '../supervision-rules';

type Accountability = NonNullable<SupervisionRules['accountability']>;

describe('rectificationOrderOf (003 §七 责令限期整改)', () => {
  const rule = (rectificationWithin?: StatedDuration, inherited = false): Accountability =>
    ({
      rule: { recommendations: [], sanctions: [], backwardTracing: false, rectificationWithin, source: '003 §七' },
      pluginId: 'county-petition-mechanisms',
      inherited,
    }) as unknown as Accountability;
  const asked: StatedDuration[] = [];
  const due = async (within: StatedDuration) => {
    asked.push(within);
    return { date: '2026-04-08', provisional: false, missingYears: [] };
  };
  const reason = async (p: Promise<unknown>) =>
    ((await p.catch((e: { extensions: Record<string, unknown> }) => e)) as { extensions: Record<string, unknown> })
      .extensions;

  it('orders nothing unless asked', async () => {
    expect(await rectificationOrderOf(rule(), {}, '2026-03-25', due)).toBeNull();
  });

  it("takes the conveners' date where 003 sets no figure (联席办确定), after today", async () => {
    expect(await rectificationOrderOf(rule(), { rectifyBy: '2026-04-10' }, '2026-03-25', due)).toEqual({
      dueOn: '2026-04-10',
      provisional: false,
      setBy: 'OFFICE',
      basis: null,
      words: '联席办确定',
      source: '003 §七',
    });
    expect(await reason(rectificationOrderOf(rule(), { rectifyBy: '2026-03-25' }, '2026-03-25', due))).toMatchObject({
      field: 'input.rectifyBy',
      reason: 'NOT_AFTER_TODAY',
    });
    expect(await reason(rectificationOrderOf(rule(), { orderRectification: true }, '2026-03-25', due))).toMatchObject({
      field: 'input.rectifyBy',
      reason: 'DUE_REQUIRED',
    });
    expect(
      await reason(
        rectificationOrderOf(rule(), { orderRectification: false, rectifyBy: '2026-04-10' }, '2026-03-25', due),
      ),
    ).toMatchObject({ reason: 'RECTIFY_BY_WITHOUT_ORDER' });
  });

  it("counts the plugin's rectificationWithin on the calendar, citing the figure's own article or as a default (D5)", async () => {
    const stated = await rectificationOrderOf(
      rule({ amount: 10, unit: 'WORKING_DAYS', source: '某县 第八条' }, true),
      { orderRectification: true },
      '2026-03-25',
      due,
    );
    expect(asked).toEqual([{ amount: 10, unit: 'WORKING_DAYS', source: '某县 第八条' }]);
    expect(stated).toMatchObject({
      dueOn: '2026-04-08',
      setBy: 'RULES',
      basis: { source: '某县 第八条 (county-petition-mechanisms)', platformDefault: false },
      words: '10个工作日内（某县 第八条 (county-petition-mechanisms)）',
      source: '003 §七 (county-petition-mechanisms)',
    });
    const unstated = await rectificationOrderOf(
      rule({ amount: 10, unit: 'WORKING_DAYS' }),
      { orderRectification: true },
      '2026-03-25',
      due,
    );
    expect(unstated).toMatchObject({ setBy: 'RULES', basis: { source: null, platformDefault: true } });
    expect(unstated!.words).toBe('10个工作日内（平台默认期限，来源未作规定）');
  });
});
