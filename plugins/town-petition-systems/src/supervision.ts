import type { PluginDeclaration } from '@jm/plugin-sdk';

type Declaration = Extract<PluginDeclaration, { remove?: never }>;

const UNIT_CRITICISM = '004 責任追究制度 一.1';
const INDIVIDUAL_DISCIPLINE = '004 責任追究制度 一.2';

/** 責任追究制度 一.1: 有下列情況之一的，給予單位通報批評。 */
const unitFailures = [
  {
    code: 'TRUE_COMPLAINT_MISHANDLED',
    name: '群眾上訪反映的問題屬實,但因責任單位不處理或處理不當,導致群眾進京上訪或重復到省、市和區上訴',
  },
  {
    code: 'GROUP_VISIT_NOT_PREREPORTED',
    name: '進京或到省、市、區群體上訪,事先沒有預報,控制措施不力,事后不按要求到現場做工作',
  },
  {
    code: 'NO_WRITTEN_DECISION_OR_FEEDBACK',
    name: '有權做出處理決定的單位,不給上訪群眾出具上訪問題處理意見書的,不按時反饋情況',
  },
] as const;

/** 責任追究制度 一.2: 分別給予責任者批評教育、黨紀政紀處分。 */
const individualFailures = [
  {
    code: 'REFUSED_TO_HANDLE',
    name: '對本級職責范圍內的信訪問題,不接待,不處理,推卸責任,激化矛盾,導致群眾越級上訪,造成經濟損失或社會影響',
  },
  {
    code: 'GROUP_VISIT_NOT_REPORTED',
    name: '對群眾上訪和可能出現的集體越級上訪沒有及時上報,不聽調度,拒絕前去做工作,以致誤事,造成社會影響',
  },
  {
    code: 'ABUSE_OF_POWER',
    name: '在信訪問題時有以權謀私、行賄受賄等行為,致使信訪問題處理不公,造成惡劣影響或冤假錯案',
  },
  {
    code: 'SECRETS_LEAKED',
    name: '在處理信訪問題時違反規定,泄露秘密,使信訪人遭受打擊報復,造成嚴重后果',
  },
  {
    code: 'GROUP_PROTEST_NEGLECTED',
    name: '對群眾集體上訪、靜坐、游行或上訪人員尋釁鬧事,不出面做工作,疏導不力,甚至放任不管,矛盾上交',
  },
] as const;

export const supervision: Declaration['supervision'] = {
  accountability: {
    // 004 has no 三項建議權: accountability is its own list of failures and sanctions.
    recommendations: [],
    backwardTracing: false,
    sanctions: ['通報批評', '批評教育', '黨紀政紀處分', '談話', '組織處理', '行政、刑事責任'],
    failures: [
      ...unitFailures.map((f) => ({ ...f, target: 'UNIT' as const, sanctions: ['通報批評'], source: UNIT_CRITICISM })),
      ...individualFailures.map((f) => ({ ...f, target: 'INDIVIDUAL' as const, sanctions: ['批評教育', '黨紀政紀處分'], source: INDIVIDUAL_DISCIPLINE })),
      {
        code: 'FAILED_ASSESSMENT_AND_MAJOR_GROUP_VISIT',
        name: '年度信訪工作目標考核不合格和出現重大集體越級上訪事件,并造成嚴重后果',
        target: 'UNIT',
        sanctions: ['談話', '組織處理'],
        source: '004 責任追究制度 二',
      },
      {
        code: 'DERELICTION_OF_DUTY',
        name: '玩忽職守、徇私舞弊等失職、瀆職行為',
        target: 'INDIVIDUAL',
        sanctions: ['行政、刑事責任'],
        source: '004 領導接待日制度 9',
      },
    ],
    source: '004 責任追究制度 一',
  },
  ladder: [
    {
      id: 'unit-criticism',
      when: { kind: 'FLAGGED', reasons: unitFailures.map((f) => f.code) },
      then: 'NAMED_CRITICISM',
      source: UNIT_CRITICISM,
    },
    {
      id: 'individual-discipline',
      when: { kind: 'FLAGGED', reasons: individualFailures.map((f) => f.code) },
      then: 'ACCOUNTABILITY',
      source: INDIVIDUAL_DISCIPLINE,
    },
    {
      // 由鎮信訪工作領導小組對相關負責人進行談話，視其情節作出組織處理
      id: 'talk-and-organisational-handling',
      when: { kind: 'FLAGGED', reasons: ['FAILED_ASSESSMENT_AND_MAJOR_GROUP_VISIT'] },
      then: 'ACCOUNTABILITY',
      source: '004 責任追究制度 二',
    },
    {
      // 對年度信訪工作目標考核不合格的，予以一票否決
      id: 'assessment-failed-veto',
      when: { kind: 'ASSESSMENT_FAILED' },
      then: 'ACCOUNTABILITY',
      source: '004 責任追究制度 三',
    },
  ],
  assessment: {
    // 責任追究制度 三: 對年度信訪工作目標考核不合格的，予以一票否決，取消評優資格。對該部門主要負責人予以調整。
    period: 'ANNUAL',
    counts: ['METRICS'],
    oneVoteVeto: { consequences: ['取消評優資格', '對該部門主要負責人予以調整'], source: '004 責任追究制度 三' },
    source: '004 責任追究制度 三',
  },
  inspections: {
    // 預測排查制度 3: 鎮信訪領導小組每季度一次或在重大會議、節日、活動前 … 進行督察。The group inspects on its
    // own authority: proposal and approval both sit with the convener (README).
    proposedBy: ['CONVENER'],
    approvedBy: 'CONVENER',
    reportTo: 'OWN_JOINT_MEETING',
    regular: {
      cadence: { rrule: 'FREQ=MONTHLY;INTERVAL=3', minimum: true, source: '004 預測排查制度 3' },
      beforeMajorEvents: true,
    },
    source: '004 預測排查制度 3',
  },
  appliesToDescendants: false,
};
