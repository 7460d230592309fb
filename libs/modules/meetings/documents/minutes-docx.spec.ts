import { renderMinutesDocx } from './minutes-docx';
import type { MinutesDocument } from './minutes-document';
import { shiziMinutes } from './testing/fixtures';
import { readZip, wordParagraphs, zipText } from '@test/support/read-zip';

async function paragraphsOf(doc: MinutesDocument): Promise<string[]> {
  return wordParagraphs(zipText(await renderMinutesDocx(doc), 'word/document.xml'));
}

/** The attribute values of every `<tag …>` in the XML, e.g. all w:eastAsia fonts of w:rFonts. */
function attributeValues(xml: string, tag: string, attribute: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag} [^>]*${attribute}="([^"]*)"`, 'g'))].map((m) => m[1]);
}

describe('renderMinutesDocx', () => {
  it('prints every section of the minutes, in order, as the reader sees it', async () => {
    expect(await paragraphsOf(shiziMinutes())).toEqual([
      '十字镇信访工作联席会议纪要',
      '十字联席〔2026〕3号',
      '2026年11月22日', // approvedAt 2026-11-21T16:30Z is the 22nd in Beijing
      '会议名称：十字镇信访工作联席会议全体会议',
      '会议时间：2026年11月20日（星期五）09:30',
      '会议地点：镇政府三楼会议室',
      '主持人：镇长 王建国',
      '出席：镇综治办、镇派出所、镇司法所、镇社会事务办',
      '缺席：镇自然资源所（参加县局业务培训）',
      '列席：李明（红星村党支部）、赵敏',
      '会议议题：1.通报10月信访形势；2.研究红星村土地流转矛盾化解。',
      '会议听取了镇综治办关于10月份信访工作情况的通报。',
      '会议认为，当前全镇信访形势总体平稳，但土地流转矛盾仍较突出。',
      '会议议定事项',
      '一、对红星村土地流转矛盾开展联合调处',
      '责任单位：镇综治办、镇司法所；完成时限：2026年12月5日。',
      '二、完善重点人员稳控台账',
      '责任单位：镇派出所；完成时限：2026年12月31日（暂定）。',
      '三、研究信访积案化解经费保障',
      '责任单位：待定；完成时限：2027年1月15日。',
      '审定：召集人 张卫东',
      '分送：联席会议各成员单位，县信访工作联席会议办公室。',
      '十字镇信访工作联席会议办公室\t2026年11月22日印发',
    ]);
  });

  it('prints the principle the units carry the agreed items out by, with its article, after the items (001 art. 7)', async () => {
    const doc = { ...shiziMinutes(), principle: { text: '属地管理、分级负责,谁主管、谁负责', source: '001 art. 7' } };
    const paragraphs = await paragraphsOf(doc);
    const line =
      '各责任单位按照“属地管理、分级负责,谁主管、谁负责”的原则（001 art. 7），认真落实议定事项，及时报送落实情况。';
    expect(paragraphs[paragraphs.indexOf('责任单位：待定；完成时限：2027年1月15日。') + 1]).toBe(line);
    // A principle already in quotation marks (004 writes “分工負責,歸口辦理”和“誰主管,誰負責”) is not quoted twice.
    const quoted = { ...doc, principle: { text: '“分工負責,歸口辦理”', source: '004 基本原則 1' } };
    expect(await paragraphsOf(quoted)).toContain(
      '各责任单位按照“分工負責,歸口辦理”的原则（004 基本原則 1），认真落实议定事项，及时报送落实情况。',
    );
    // A snapshot that predates the article prints the principle alone.
    expect(await paragraphsOf({ ...doc, principle: { text: '谁主管、谁负责', source: null } })).toContain(
      '各责任单位按照“谁主管、谁负责”的原则，认真落实议定事项，及时报送落实情况。',
    );
    // No agreed items, no principle line.
    expect((await paragraphsOf({ ...doc, agreedItems: [] })).some((p) => p.includes('的原则'))).toBe(false);
  });

  it('marks only provisional deadlines as （暂定）', async () => {
    const doc = shiziMinutes();
    doc.agreedItems = doc.agreedItems.map((item, i) => ({ ...item, provisional: i === 0 }));
    const marked = (await paragraphsOf(doc)).filter((p) => p.includes('（暂定）'));
    expect(marked).toEqual(['责任单位：镇综治办、镇司法所；完成时限：2026年12月5日（暂定）。']);
  });

  it('leaves out empty optional sections and dates a draft by the meeting day', async () => {
    const doc: MinutesDocument = {
      ...shiziMinutes(),
      kind: 'MEETING_DOCUMENT',
      heldAt: '2026-11-20T17:00:00Z', // 01:00 on the 21st in Beijing
      location: undefined,
      chair: { title: '召集人' },
      present: [],
      absent: [],
      guests: [],
      topics: [],
      body: '',
      agreedItems: [],
      distribution: [],
      approvedBy: undefined,
      approvedAt: undefined,
    };
    expect(await paragraphsOf(doc)).toEqual([
      '十字镇信访工作联席会议纪要',
      '十字联席〔2026〕3号',
      '2026年11月21日',
      '会议名称：十字镇信访工作联席会议全体会议',
      '会议时间：2026年11月21日（星期六）01:00',
      '主持人：召集人',
      '出席：无',
      '十字镇信访工作联席会议办公室\t2026年11月21日印发',
    ]);
  });

  it('lays the page out as an official document: A4, 37/35/28/26 mm margins, 方正小标宋简体 bold title, 仿宋_GB2312 text, no red', async () => {
    const docx = await renderMinutesDocx(shiziMinutes());
    const xml = zipText(docx, 'word/document.xml');
    expect(attributeValues(xml, 'w:pgSz', 'w:w')).toEqual(['11906']);
    expect(attributeValues(xml, 'w:pgSz', 'w:h')).toEqual(['16838']);
    const mm = (side: string) => Number(attributeValues(xml, 'w:pgMar', `w:${side}`)[0]) * (25.4 / 1440);
    expect([mm('top'), mm('bottom'), mm('left'), mm('right')].map((v) => Math.round(v * 10) / 10)).toEqual([
      37, 35, 28, 26,
    ]);

    const title = /<w:p[ >](?:(?!<\/w:p>)[\s\S])*十字镇信访工作联席会议纪要<\/w:t>/.exec(xml)?.[0] ?? '';
    expect(attributeValues(title, 'w:rFonts', 'w:eastAsia')).toEqual(['方正小标宋简体']);
    expect(title).toMatch(/<w:b\/>|<w:b w:val="(true|1|on)"\/>/);
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(new Set(attributeValues(xml, 'w:rFonts', 'w:eastAsia'))).toEqual(
      new Set(['方正小标宋简体', '仿宋_GB2312', '黑体']),
    );
    expect(attributeValues(xml, 'w:color', 'w:val').filter((c) => !/^(auto|000000)$/i.test(c))).toEqual([]);
    expect(attributeValues(zipText(docx, 'word/styles.xml'), 'w:rFonts', 'w:eastAsia')).toContain('仿宋_GB2312');
  });

  it('numbers pages in the footer and records title and number in the document properties', async () => {
    const docx = await renderMinutesDocx(shiziMinutes());
    const footers = [...readZip(docx).entries()]
      .filter(([name]) => /^word\/footer\d*\.xml$/.test(name))
      .map(([, xml]) => xml.toString('utf8'));
    expect(footers.some((f) => /PAGE/.test(f) && f.includes('— '))).toBe(true);
    const core = zipText(docx, 'docProps/core.xml');
    expect(core).toContain('<dc:title>十字镇信访工作联席会议纪要</dc:title>');
    expect(core).toContain('十字联席〔2026〕3号');
  });

  it('refuses an impossible due date or meeting time instead of printing it', async () => {
    const badDue = shiziMinutes();
    badDue.agreedItems[1] = { ...badDue.agreedItems[1], dueOn: '2026-02-30' };
    await expect(renderMinutesDocx(badDue)).rejects.toThrow(/agreed item dueOn.*2026-02-30/);
    await expect(renderMinutesDocx({ ...shiziMinutes(), heldAt: 'next Tuesday' })).rejects.toThrow(/heldAt/);
  });
});
