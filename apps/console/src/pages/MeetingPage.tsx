import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { Card, Descriptions, Space, Tag } from 'antd';
import { useMe } from '../auth';
import { isOffice } from '../roles';
import { MEETING_STATUS, label } from '../labels';
import { dateTime } from '../format';
import { QueryState } from '../components/QueryState';
import { useTenantSetup } from '../tenant';
import { MeetingDocument } from '../meetings/documents';
import { HoldForm } from '../meetings/HoldForm';
import { MinutesDraft } from '../meetings/MinutesDraft';
import { MinutesPanel } from '../meetings/MinutesPanel';

export default function MeetingPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const { tenant } = useTenantSetup(me.tenant?.code);
  const { data, loading, error, refetch } = useQuery(MeetingDocument, { variables: { id } });
  const m = data?.meeting;
  const type = tenant?.jointMeeting.meetingTypes.find((t) => t.code === m?.typeCode);
  const office = isOffice(me);
  const approver = Boolean(type?.minutesApprovedBy && me.roles.includes(type.minutesApprovedBy));
  const minutes = m?.minutes ?? null;
  const drafting =
    office && m?.status === 'HELD' && (!minutes || minutes.status === 'DRAFT' || minutes.status === 'RETURNED');
  const reload = () => void refetch();

  return (
    <QueryState
      loading={loading && !data}
      error={error}
      empty={!m}
      emptyText="会议不存在或您无权查看"
      refetch={refetch}
    >
      {m ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card title={m.title} extra={<Link to="/meetings">返回会议列表</Link>} size="small">
            <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
              <Descriptions.Item label="类型">{type?.name ?? m.typeCode}</Descriptions.Item>
              <Descriptions.Item label="状态">
                <Tag data-testid="meeting-status">{label(MEETING_STATUS, m.status)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label="安排时间">{dateTime(m.scheduledAt)}</Descriptions.Item>
              <Descriptions.Item label="召开时间">{dateTime(m.heldAt)}</Descriptions.Item>
              <Descriptions.Item label="地点">{m.location ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="主持人">{m.chairName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="议题" span="filled">
                {m.topics.length ? m.topics.join('；') : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="参会单位" span="filled">
                {m.attendees
                  .map((a) => `${a.memberUnit.name}${a.attendance === 'ABSENT' ? '（缺席）' : ''}`)
                  .join('、') || '—'}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          {office && m.status === 'SCHEDULED' ? (
            <HoldForm meetingId={m.id} attendees={m.attendees} onDone={reload} />
          ) : null}
          {minutes ? (
            <MinutesPanel
              minutes={minutes}
              office={office}
              approver={approver}
              myUnitId={me.memberUnit?.id ?? null}
              onChange={reload}
            />
          ) : null}
          {drafting ? (
            <MinutesDraft
              key={minutes?.id ?? 'new'}
              meetingId={m.id}
              existing={minutes}
              units={(tenant?.memberUnits ?? []).filter((u) => u.active)}
              onDone={reload}
            />
          ) : null}
        </Space>
      ) : null}
    </QueryState>
  );
}
