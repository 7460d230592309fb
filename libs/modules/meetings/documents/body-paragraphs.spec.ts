import { bodyParagraphsOf } from './minutes-docx';

describe('minutes body text', () => {
  it('splits body text at blank lines and drops wrapping inside a paragraph', () => {
    expect(bodyParagraphsOf('\n第一段，\n  续写。\r\n\r\n  \n第二段。\n\n\n')).toEqual(['第一段，续写。', '第二段。']);
    expect(bodyParagraphsOf('   ')).toEqual([]);
  });
});
