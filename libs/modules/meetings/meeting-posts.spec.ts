import { documentTitleOf, postsOf, postTitleFor } from './meeting-posts';

// 001 art. 2, annex 2: three conveners; art. 8: the office's 负责人.
const shizi = {
  conveners: [
    { key: 'secretary', title: '镇党委书记', role: 'CONVENER', source: '001 art. 2' },
    { key: 'mayor', title: '镇党委副书记、镇长', role: 'CONVENER', source: '001 art. 2' },
    { key: 'politics', title: '镇党委副书记、政法委员', role: 'CONVENER', source: '001 art. 2' },
  ],
  office: { director: { key: 'office', title: '综合治理办公室负责人', role: 'OFFICE_DIRECTOR', source: '001 art. 8' } },
} as const;

describe('minutes print the chair actually recorded and the meeting title', () => {
  const posts = postsOf(shizi as never);
  it('prints the recorded post, never the first convener', () => {
    expect(postTitleFor(posts, 'CONVENER', '镇党委副书记、镇长')).toBe('镇党委副书记、镇长');
    expect(postTitleFor(posts, 'CONVENER')).toBe('召集人');
  });
  it('prints the only post holding a role, or the role', () => {
    expect(postTitleFor(posts, 'OFFICE_DIRECTOR')).toBe('综合治理办公室负责人');
    expect(postTitleFor(posts, 'CHIEF_CONVENER')).toBe('总召集人');
  });
  it('titles the document after the meeting', () => {
    expect(documentTitleOf('九月信访工作会议', 'MINUTES')).toBe('九月信访工作会议纪要');
    expect(documentTitleOf('九月信访工作会议纪要', 'MINUTES')).toBe('九月信访工作会议纪要');
    expect(documentTitleOf('全体会议', 'MEETING_DOCUMENT')).toBe('全体会议文件');
  });
});
