import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { Card, Descriptions, Space, Table, Tag, Timeline } from 'antd';
import { useMe } from '../auth';
import { isOffice } from '../roles';
import { CASE_EVENT, CASE_STATUS, CHANNEL, label } from '../labels';
import { dateTime } from '../format';
import { QueryState } from '../components/QueryState';
import { CaseDocument } from '../cases/documents';
import { Petitioners } from '../cases/Petitioners';
import { ProgressButton } from '../cases/ProgressButton';
import { AssignForm } from '../cases/AssignForm';
import { useTenantSetup } from '../tenant';

export default function CasePage() {
  const { id = '' } = useParams();
  const me = useMe();
  const { tenant } = useTenantSetup(me.tenant?.code);
  const { data, loading, error, refetch } = useQuery(CaseDocument, { variables: { id } });
  const c = data?.petitionCase;
  const open = c && (c.status === 'RECEIVED' || c.status === 'ASSIGNED');
  const reload = () => void refetch();
  return (
    <QueryState
      loading={loading && !data}
      error={error}
      empty={!c}
      emptyText="案件不存在或您无权查看"
      refetch={refetch}
    >
      {c ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card
            size="small"
            title={`案件 ${c.number}`}
            extra={
              <Space>
                {open && c.ownerLeader ? <ProgressButton caseId={c.id} onDone={reload} /> : null}
                <Link to="/cases">返回台账</Link>
              </Space>
            }
          >
            <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
              <Descriptions.Item label="诉求" span="filled">
                {c.matter}
              </Descriptions.Item>
              <Descriptions.Item label="状态">
                <Tag>{label(CASE_STATUS, c.status)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label="渠道">{label(CHANNEL, c.channel)}</Descriptions.Item>
              <Descriptions.Item label="登记">{dateTime(c.receivedAt)}</Descriptions.Item>
              <Descriptions.Item label="人数">
                {c.peopleCount}
                {c.groupPetition ? '（集体访）' : ''}
              </Descriptions.Item>
              <Descriptions.Item label="重复信访">{c.repeat ? `是（第 ${c.repeatCount} 次）` : '否'}</Descriptions.Item>
              <Descriptions.Item label="地点">{c.location ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="责任单位">{c.responsibleUnit?.name ?? '未交办'}</Descriptions.Item>
              <Descriptions.Item label="责任人">{c.responsiblePerson ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="办理期限">
                {c.dueOn ? `${c.dueOn}${c.dueProvisional ? '（暂定）' : ''}` : '—'}
                {c.overdue ? (
                  <Tag color="red" style={{ marginLeft: 4 }}>
                    已超期
                  </Tag>
                ) : null}
              </Descriptions.Item>
              <Descriptions.Item label="期限依据" span="filled">
                {c.dueRule ?? '—'}
              </Descriptions.Item>
            </Descriptions>
            {isOffice(me) && c.status === 'RECEIVED' ? (
              <AssignForm caseId={c.id} units={tenant?.memberUnits.filter((u) => u.active) ?? []} onDone={reload} />
            ) : null}
          </Card>
          <Card size="small" title="信访人">
            <Petitioners rows={c.petitioners} />
          </Card>
          <Card size="small" title="包案">
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label="包案领导">{c.ownerLeader ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="层级">{c.ownerTier ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="包案日期">{c.ownedOn ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="工作专班">{c.team.join('、') || '—'}</Descriptions.Item>
              <Descriptions.Item label="化解方案" span="filled">
                {c.plan ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label="依据" span="filled">
                {c.ownerRule ?? '—'}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title="进展报告">
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={c.progressReports}
              locale={{ emptyText: '尚无进展报告' }}
              columns={[
                { title: '期间', key: 'p', render: (_: unknown, r) => `${r.periodStart} 至 ${r.periodEnd}` },
                { title: '进展', dataIndex: 'content' },
                { title: '报送', dataIndex: 'reportedAt', render: (v: string) => dateTime(v) },
              ]}
            />
          </Card>
          {c.reviews.length ? (
            <Card size="small" title="复查">
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={c.reviews}
                columns={[
                  { title: '受理', dataIndex: 'acceptedOn' },
                  {
                    title: '期限',
                    dataIndex: 'dueOn',
                    render: (v: string, r) => (r.overdue ? <Tag color="red">{v} 已超期</Tag> : v),
                  },
                  { title: '状态', dataIndex: 'status' },
                  { title: '意见', dataIndex: 'opinion', render: (v: string | null) => v ?? '—' },
                ]}
              />
            </Card>
          ) : null}
          <Card size="small" title="办理经过">
            <Timeline
              items={c.history.map((e) => ({
                key: e.id,
                content: (
                  <>
                    <strong>{label(CASE_EVENT, e.kind)}</strong> {dateTime(e.at)}
                    {e.note ? <div>{e.note}</div> : null}
                    {e.rule ? <div style={{ color: '#888' }}>依据：{e.rule}</div> : null}
                  </>
                ),
              }))}
            />
          </Card>
        </Space>
      ) : null}
    </QueryState>
  );
}
