import { readZip, wordParagraphs, zipText } from '@test/support/read-zip';
import { renderReminderLetter, type ReminderLetter } from './reminder-letter';

const letter: ReminderLetter = {
  number: '示范信访提醒〔2026〕1号',
  jointMeetingName: '县信访工作联席会议',
  unitName: '下仓镇',
  reason: '连续2次定期通报排名后3位',
  ruleSource: '003 §三',
  evidence: [
    '示范信访通报〔2026〕1号（2026-05-01至2026-05-31）排名第7位，共7个单位',
    '示范信访通报〔2026〕2号（2026-06-01至2026-06-30）排名第7位，共7个单位',
  ],
  issuedOn: '2026-07-01',
};

describe('renderReminderLetter', () => {
  it('writes the letter: title, number, addressee, reason and rule, the evidence numbered, issuer and date', async () => {
    const docx = await renderReminderLetter(letter);
    expect(readZip(docx).has('word/document.xml')).toBe(true);
    expect(wordParagraphs(zipText(docx, 'word/document.xml'))).toEqual([
      '提醒函',
      '示范信访提醒〔2026〕1号',
      '下仓镇：',
      '经县信访工作联席会议办公室研究，你单位存在以下情况：连续2次定期通报排名后3位。根据003 §三，现予以提醒。',
      '一、示范信访通报〔2026〕1号（2026-05-01至2026-05-31）排名第7位，共7个单位。',
      '二、示范信访通报〔2026〕2号（2026-06-01至2026-06-30）排名第7位，共7个单位。',
      '请你单位高度重视，认真分析原因，切实采取措施，抓好整改落实，并将整改情况及时报送联席会议办公室。',
      '县信访工作联席会议办公室',
      '2026年7月1日',
    ]);
  });
});
