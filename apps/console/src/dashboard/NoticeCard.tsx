import { Card, Descriptions, Empty, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { dateTime } from '../format';

export interface NoticeView {
  id: string;
  number: string;
  title: string;
  status: string;
  period?: string | null;
  body?: string | null;
  periodStart: string;
  periodEnd: string;
  publishedAt?: string | null;
  rule: string;
  entries: {
    id: string;
    targetUnitId: string;
    listCode?: string | null;
    rank?: number | null;
    rankedOf?: number | null;
    unitName: string;
    score?: number | null;
    bottom: boolean;
    criticised: boolean;
    readAt?: string | null;
  }[];
}

/** The ranking's own columns, 名次 (rank of how many), 单位 and 得分: the same in a published notice and in its draft. */
export function rankingColumns(rankWidth: number): TableColumnsType<NoticeView['entries'][number]> {
  return [
    {
      title: '名次',
      dataIndex: 'rank',
      width: rankWidth,
      render: (v: number | null, e) => (v == null ? '—' : `${v}/${e.rankedOf ?? '?'}`),
    },
    { title: '单位', dataIndex: 'unitName' },
    {
      title: '得分',
      dataIndex: 'score',
      align: 'right',
      render: (v: number | null) => (v == null ? '—' : v.toFixed(2)),
    },
  ];
}

/** The latest regular notice (通报) with its ranking. */
export function NoticeCard({ notice }: { notice: NoticeView | undefined }) {
  return (
    <Card title="最新通报及排名" size="small" data-testid="notice">
      {!notice ? (
        <Empty description="尚无已发布的通报" />
      ) : (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label="文号">{notice.number}</Descriptions.Item>
            <Descriptions.Item label="标题">{notice.title}</Descriptions.Item>
            <Descriptions.Item label="期间">{`${notice.periodStart} 至 ${notice.periodEnd}`}</Descriptions.Item>
            <Descriptions.Item label="发布">{dateTime(notice.publishedAt)}</Descriptions.Item>
            <Descriptions.Item label="依据" span="filled">
              {notice.rule}
            </Descriptions.Item>
          </Descriptions>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={notice.entries}
            columns={[
              ...rankingColumns(70),
              {
                title: '标记',
                key: 'flags',
                render: (_: unknown, e) => (
                  <>
                    {e.bottom ? <Tag color="red">排名靠后</Tag> : null}
                    {e.criticised ? <Tag color="volcano">点名批评</Tag> : null}
                  </>
                ),
              },
              { title: '已阅', dataIndex: 'readAt', render: (v: string | null) => (v ? dateTime(v) : '未阅') },
            ]}
          />
        </>
      )}
    </Card>
  );
}
