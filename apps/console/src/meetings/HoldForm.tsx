import { useMutation } from '@apollo/client/react';
import { Button, Card, DatePicker, Form, Input, Radio, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { HoldMeetingDocument } from './documents';
import { useAction } from '../useAction';

interface Attendee {
  memberUnit: { id: string; name: string };
}

interface Values {
  heldAt: Dayjs;
  chairName?: string;
  attendance: Record<string, { attendance: 'PRESENT' | 'ABSENT'; absenceReason?: string }>;
}

/** Records that a scheduled meeting was held, with each invited unit's attendance. */
export function HoldForm({
  meetingId,
  attendees,
  onDone,
}: {
  meetingId: string;
  attendees: Attendee[];
  onDone: () => void;
}) {
  const [hold] = useMutation(HoldMeetingDocument);
  const { busy, run } = useAction();
  const initial: Values = {
    heldAt: dayjs(),
    attendance: Object.fromEntries(attendees.map((a) => [a.memberUnit.id, { attendance: 'PRESENT' as const }])),
  };
  const submit = (v: Values) =>
    run(
      () =>
        hold({
          variables: {
            input: {
              meetingId,
              heldAt: v.heldAt.toISOString(),
              chairName: v.chairName || null,
              attendance: attendees.map((a) => ({
                memberUnitId: a.memberUnit.id,
                attendance: v.attendance[a.memberUnit.id]?.attendance ?? 'PRESENT',
                absenceReason: v.attendance[a.memberUnit.id]?.absenceReason || null,
              })),
            },
          },
        }),
      '已记录会议召开',
    ).then((ok) => ok && onDone());
  return (
    <Card title="记录召开" size="small">
      <Form<Values> layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)}>
        <Form.Item label="召开时间" name="heldAt" rules={[{ required: true, message: '请选择召开时间' }]}>
          <DatePicker id="heldAt" showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item label="主持人" name="chairName">
          <Input id="chairName" style={{ maxWidth: 320 }} />
        </Form.Item>
        <Table
          rowKey={(a) => a.memberUnit.id}
          size="small"
          pagination={false}
          dataSource={attendees}
          locale={{ emptyText: '没有邀请成员单位' }}
          columns={[
            { title: '成员单位', render: (_: unknown, a) => a.memberUnit.name },
            {
              title: '出席',
              render: (_: unknown, a) => (
                <Form.Item name={['attendance', a.memberUnit.id, 'attendance']} noStyle>
                  <Radio.Group
                    options={[
                      { value: 'PRESENT', label: '出席' },
                      { value: 'ABSENT', label: '缺席' },
                    ]}
                  />
                </Form.Item>
              ),
            },
            {
              title: '缺席原因',
              render: (_: unknown, a) => (
                <Form.Item name={['attendance', a.memberUnit.id, 'absenceReason']} noStyle>
                  <Input placeholder="缺席时填写" />
                </Form.Item>
              ),
            },
          ]}
        />
        <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 12 }} data-testid="hold-submit">
          确认召开
        </Button>
      </Form>
    </Card>
  );
}
