import type { PluginDeclaration } from '@jm/plugin-sdk';

type Declaration = Extract<PluginDeclaration, { remove?: never }>;

export const cases: Declaration['cases'] = {
  reception: {
    // 領導接待日制度 2: 鎮黨政班子成員以輪流值班的形式，負責當天的來信來訪 — a daily duty rota.
    rotation: { rrule: 'FREQ=DAILY', minimum: false, source: '004 領導接待日制度 2' },
    // 7: 當天值班領導與信訪事項或信訪人有直接利害關系的，應當回避。
    recusal: true,
    // 8: 嚴格執行信訪工作紀律和工作保密制度
    confidentiality: true,
    source: '004 領導接待日制度 2, 7, 8',
  },
  firstInquiry: {
    // 首問責任制度 4: 不屬于本轄區職責權限內得要求事項，應耐心做好解釋工作，并設法結轉或指導前往有關職能部門
    transferRequiresReason: true,
    // 2: 及時辦理、跟蹤服務; 5: 將辦理情況反饋給投訴者
    followUp: true,
    source: '004 首問責任制度 1, 2, 4, 5',
  },
  review: {
    // 復查制度 二: 自受理復查之日起，15日提出復查意見 … 聽證所需時間不計算在前款規定的時限內。
    // The text says 日, not 工作日: calendar days.
    opinionWithin: { amount: 15, unit: 'CALENDAR_DAYS', excluding: ['HEARING'] },
    // 三.4: 信訪人對復查後的本鎮處理意見不服的 … 到上級有關部門或區信訪局申請復查
    appealUpward: true,
    // 一: 上級部門交辦 / 區信訪局交辦 / 本鎮認為要復查的信訪案件
    scope: ['ASSIGNED_FROM_ABOVE', 'OWN_DECISION'],
    source: '004 復查制度 一, 二, 三.4',
  },
  screening: {
    // 預測排查制度 1: 每月對 … 來訪或來信2次的重復信訪、署名信訪、聯名信訪、久拖不決的纏訪戶，組織、策劃集體上訪
    // 的關鍵人物 … 進行一次認真排查篩選
    cadence: { rrule: 'FREQ=MONTHLY', minimum: true, source: '004 預測排查制度 1' },
    criteria: [
      { kind: 'REPEAT', atLeast: 2, within: { amount: 1, unit: 'MONTHS' } },
      { kind: 'SIGNED' },
      { kind: 'JOINT_SIGNED' },
      // 久拖不決 sets no age: 60 days, the statutory handling limit, is a platform default (README).
      { kind: 'LONG_UNRESOLVED', olderThan: { amount: 60, unit: 'CALENDAR_DAYS' } },
      { kind: 'GROUP_ORGANISER' },
    ],
    // 2: 逐件落實包案領導、責任人以及結案信訪時限
    requires: ['OWNING_LEADER', 'RESPONSIBLE_PERSON', 'TIME_LIMIT'],
    source: '004 預測排查制度 1, 2',
  },
  // 分線報案制度 1: 由分管領導負責落實分管職責內的信訪工作
  byLineResponsibility: { source: '004 分線報案制度 1' },
  stepLimits: [],
  categories: [],
};
