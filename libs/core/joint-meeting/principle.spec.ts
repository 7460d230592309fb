import { readPluginFile, readSnapshot } from '@jm/plugin-sdk';
import { principleOf } from './principle';

const xiacang = readPluginFile(new URL('../../../plugins/xiacang-town/plugin.yaml', import.meta.url)).value as {
  structure: Record<string, unknown>;
};

describe('principleOf (structure.principle)', () => {
  it('reads the principle with its article (000 art. 5)', () => {
    expect(principleOf(readSnapshot(xiacang, '1.0.0').structure)).toEqual({
      text: '党政同责、一岗双责，属地管理、分级负责，谁主管、谁负责',
      source: '000 art. 5',
    });
  });

  it('still reads a snapshot written when the principle was a bare quotation: the text, no article', () => {
    const old = { ...xiacang, structure: { ...xiacang.structure, principle: '党政同责、一岗双责' } };
    expect(principleOf(readSnapshot(old, '1.0.0').structure)).toEqual({ text: '党政同责、一岗双责', source: null });
  });

  it('is null where the source states none', () => {
    const { principle: _p, ...structure } = xiacang.structure;
    expect(principleOf(readSnapshot({ ...xiacang, structure }, '1.0.0').structure)).toBeNull();
  });
});
