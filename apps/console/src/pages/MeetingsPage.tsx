import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, DatePicker, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { graphql } from '../gql';
import { useMe } from '../auth';
import { isOffice, isConvener } from '../roles';
import { MEETING_STATUS, MINUTES_STATUS, label } from '../labels';
import { dateTime } from '../format';
import { QueryState } from '../components/QueryState';
import { useTenantSetup } from '../tenant';
import { useAction } from '../useAction';

export const MeetingsDocument = graphql(`
  query Meetings($tenantCode: String!) {
    meetings: meetingsPage(tenantCode: $tenantCode, limit: 100) {
      items {
        id
        title
        typeCode
        scheduledAt
        heldAt
        status
        location
        adHoc
        minutes {
          id
          status
          number
        }
      }
    }
  }
`);

const ScheduleDocument = graphql(`
  mutation ScheduleMeeting($input: ScheduleMeetingInput!) {
    scheduleMeeting(input: $input) {
      id
    }
  }
`);

interface Values {
  typeCode: string;
  title: string;
  scheduledAt: Dayjs;
  location?: string;
  topics?: string[];
  invitedUnitIds?: string[];
}

export default function MeetingsPage() {
  const me = useMe();
  const code = me.tenant?.code ?? '';
  const { tenant } = useTenantSetup(code);
  const { data, loading, error, refetch } = useQuery(MeetingsDocument, { variables: { tenantCode: code } });
  const [schedule] = useMutation(ScheduleDocument);
  const [open, setOpen] = useState(false);
  const { busy, run } = useAction();
  const [form] = Form.useForm<Values>();
  const types = tenant?.jointMeeting.meetingTypes ?? [];
  const typeName = (c: string) => types.find((t) => t.code === c)?.name ?? c;
  const canSchedule = isOffice(me) || isConvener(me);

  const submit = async (v: Values) => {
    const ok = await run(async () => {
      const res = await schedule({
        variables: {
          input: {
            tenantCode: code,
            typeCode: v.typeCode,
            title: v.title,
            scheduledAt: v.scheduledAt.toISOString(),
            location: v.location || null,
            topics: v.topics ?? [],
            invitedUnitIds: v.invitedUnitIds?.length ? v.invitedUnitIds : null,
            adHoc: !isOffice(me),
          },
        },
      });
      return res.data;
    }, '会议已安排');
    if (ok) {
      setOpen(false);
      form.resetFields();
      void refetch();
    }
  };

  return (
    <Card
      title="会议与纪要"
      extra={
        canSchedule ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="schedule">
            安排会议
          </Button>
        ) : null
      }
    >
      <QueryState loading={loading && !data} error={error} refetch={refetch}>
        <Table
          rowKey="id"
          size="small"
          dataSource={data?.meetings?.items ?? []}
          scroll={{ x: 800 }}
          locale={{ emptyText: '暂无会议' }}
          columns={[
            { title: '会议', dataIndex: 'title', render: (v: string, m) => <Link to={`/meetings/${m.id}`}>{v}</Link> },
            { title: '类型', dataIndex: 'typeCode', render: (v: string) => typeName(v) },
            { title: '时间', dataIndex: 'scheduledAt', render: (v: string) => dateTime(v) },
            { title: '状态', dataIndex: 'status', render: (v: string) => <Tag>{label(MEETING_STATUS, v)}</Tag> },
            {
              title: '纪要',
              key: 'minutes',
              render: (_: unknown, m) =>
                m.minutes
                  ? `${label(MINUTES_STATUS, m.minutes.status)}${m.minutes.number ? ` · ${m.minutes.number}` : ''}`
                  : '—',
            },
          ]}
        />
      </QueryState>
      <Modal
        title="安排会议"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        okText="安排"
        destroyOnHidden
        maskClosable={false}
      >
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item label="会议类型" name="typeCode" rules={[{ required: true, message: '请选择会议类型' }]}>
            <Select
              id="typeCode"
              showSearch
              optionFilterProp="label"
              options={types.map((t) => ({ value: t.code, label: t.name }))}
            />
          </Form.Item>
          <Form.Item label="会议名称" name="title" rules={[{ required: true, message: '请输入会议名称' }]}>
            <Input id="title" />
          </Form.Item>
          <Form.Item label="召开时间" name="scheduledAt" rules={[{ required: true, message: '请选择时间' }]}>
            <DatePicker
              id="scheduledAt"
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item label="地点" name="location">
            <Input id="location" />
          </Form.Item>
          <Form.Item label="议题" name="topics" extra="输入后按回车添加">
            <Select id="topics" mode="tags" open={false} />
          </Form.Item>
          <Form.Item label="参会成员单位" name="invitedUnitIds" extra="不选则按会议类型的规定通知">
            <Select
              id="invitedUnitIds"
              mode="multiple"
              showSearch
              optionFilterProp="label"
              options={(tenant?.memberUnits ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
