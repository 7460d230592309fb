import type { AgreedItemsLedger } from '../agreed-items-xlsx';
import type { MinutesDocument } from '../minutes-document';

/** A 十字镇 plenary's minutes, with every section filled, for the renderer tests. */
export function shiziMinutes(): MinutesDocument {
  return {
    tenantName: '十字镇',
    jointMeetingName: '十字镇信访工作联席会议',
    kind: 'MINUTES',
    number: '十字联席〔2026〕3号',
    title: '十字镇信访工作联席会议纪要',
    meetingType: '全体会议',
    // 09:30 on Friday 2026-11-20, Beijing time.
    heldAt: '2026-11-20T01:30:00Z',
    location: '镇政府三楼会议室',
    chair: { title: '镇长', name: '王建国' },
    present: ['镇综治办', '镇派出所', '镇司法所', '镇社会事务办'],
    absent: [{ unit: '镇自然资源所', reason: '参加县局业务培训' }],
    guests: [{ name: '李明', organisation: '红星村党支部' }, { name: '赵敏' }],
    topics: ['通报10月信访形势', '研究红星村土地流转矛盾化解'],
    body: '会议听取了镇综治办关于10月份信访工作情况的通报。\n\n会议认为，当前全镇信访形势总体平稳，\n但土地流转矛盾仍较突出。',
    agreedItems: [
      {
        content: '对红星村土地流转矛盾开展联合调处',
        owners: ['镇综治办', '镇司法所'],
        dueOn: '2026-12-05',
        provisional: false,
      },
      { content: '完善重点人员稳控台账', owners: ['镇派出所'], dueOn: '2026-12-31', provisional: true },
      { content: '研究信访积案化解经费保障', owners: [], dueOn: '2027-01-15', provisional: false },
    ],
    distribution: ['联席会议各成员单位', '县信访工作联席会议办公室'],
    approvedBy: { title: '召集人', name: '张卫东' },
    // 2026-11-21T16:30Z is already 2026-11-22 in Beijing.
    approvedAt: '2026-11-21T16:30:00Z',
  };
}

export function shiziLedger(): AgreedItemsLedger {
  return {
    tenantName: '十字镇',
    generatedAt: '2026-12-10T02:05:00Z',
    items: [
      {
        number: 1,
        meeting: '2026年第三次全体会议',
        minutesNumber: '十字联席〔2026〕3号',
        content: '对红星村土地流转矛盾开展联合调处',
        owners: ['镇综治办', '镇司法所'],
        dueOn: '2026-12-05',
        provisional: false,
        status: 'REPORTED',
        overdue: true,
        lastReport: '已召开两次调处会，双方初步达成意向',
      },
      {
        number: 2,
        meeting: '2026年第三次全体会议',
        minutesNumber: '十字联席〔2026〕3号',
        content: '完善重点人员稳控台账',
        owners: ['镇派出所'],
        dueOn: '2026-12-31',
        provisional: true,
        status: 'DONE',
        overdue: false,
        lastReport: '台账已更新并报县联席办',
        acceptedAt: '2026-12-08T07:20:00Z',
      },
      {
        number: 3,
        meeting: '2026年第三次全体会议',
        minutesNumber: '十字联席〔2026〕3号',
        content: '研究信访积案化解经费保障',
        owners: [],
        dueOn: '2027-01-15',
        provisional: false,
        status: 'OPEN',
        overdue: false,
      },
    ],
  };
}
