import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Descriptions, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { MeetingQuery } from '../gql/graphql';
import {
  AcceptReportDocument,
  AcknowledgeMinutesDocument,
  ApproveMinutesDocument,
  IssueMinutesDocument,
  ReturnMinutesDocument,
  SendBackReportDocument,
  SubmitMinutesDocument,
} from './documents';
import { ITEM_STATUS, MINUTES_STATUS, REPORT_STATUS, label } from '../labels';
import { dateTime } from '../format';
import { download } from '../download';
import { useAction } from '../useAction';

type Minutes = NonNullable<NonNullable<MeetingQuery['meeting']>['minutes']>;

interface Props {
  minutes: Minutes;
  office: boolean;
  approver: boolean;
  myUnitId: string | null;
  onChange: () => void;
}

/** The minutes' life: submit, approve or return, issue, receipts, agreed items and their reports. */
export function MinutesPanel({ minutes, office, approver, myUnitId, onChange }: Props) {
  const { busy, run } = useAction();
  const [submit] = useMutation(SubmitMinutesDocument);
  const [approve] = useMutation(ApproveMinutesDocument);
  const [ret] = useMutation(ReturnMinutesDocument);
  const [issue] = useMutation(IssueMinutesDocument);
  const [ack] = useMutation(AcknowledgeMinutesDocument);
  const [accept] = useMutation(AcceptReportDocument);
  const [sendBack] = useMutation(SendBackReportDocument);
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const act = (work: () => Promise<unknown>, done: string) => void run(work, done).then((ok) => ok && onChange());
  const mine = minutes.receipts.find((r) => r.memberUnit.id === myUnitId);

  return (
    <Card
      title={`会议纪要${minutes.number ? ` · ${minutes.number}` : ''}`}
      size="small"
      extra={
        <Tag
          color={minutes.status === 'ISSUED' ? 'green' : minutes.status === 'RETURNED' ? 'red' : 'blue'}
          data-testid="minutes-status"
        >
          {label(MINUTES_STATUS, minutes.status)}
        </Tag>
      }
    >
      {minutes.status === 'RETURNED' && minutes.returnComment ? (
        <Alert type="warning" showIcon title={`退回意见：${minutes.returnComment}`} style={{ marginBottom: 12 }} />
      ) : null}
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{minutes.body}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        {office && (minutes.status === 'DRAFT' || minutes.status === 'RETURNED') ? (
          <Button
            type="primary"
            loading={busy}
            data-testid="minutes-submit"
            onClick={() => act(() => submit({ variables: { id: minutes.id } }), '已提交审批')}
          >
            提交审批
          </Button>
        ) : null}
        {approver && minutes.status === 'SUBMITTED' ? (
          <>
            <Button
              type="primary"
              loading={busy}
              data-testid="minutes-approve"
              onClick={() => act(() => approve({ variables: { input: { minutesId: minutes.id } } }), '已批准')}
            >
              批准
            </Button>
            <Button danger data-testid="minutes-return" onClick={() => setReturning(true)}>
              退回
            </Button>
          </>
        ) : null}
        {office && minutes.status === 'APPROVED' ? (
          <Button
            type="primary"
            loading={busy}
            data-testid="minutes-issue"
            onClick={() => act(() => issue({ variables: { id: minutes.id } }), '纪要已印发')}
          >
            印发
          </Button>
        ) : null}
        {mine && !mine.acknowledgedAt && minutes.status === 'ISSUED' ? (
          <Button
            type="primary"
            loading={busy}
            data-testid="minutes-acknowledge"
            onClick={() => act(() => ack({ variables: { id: minutes.id } }), '已签收')}
          >
            签收
          </Button>
        ) : null}
        <Button
          icon={<DownloadOutlined />}
          onClick={() => void run(() => download(`/documents/minutes/${minutes.id}.docx`, 'minutes.docx'))}
        >
          下载纪要（DOCX）
        </Button>
      </Space>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="批准">{dateTime(minutes.approvedAt)}</Descriptions.Item>
        <Descriptions.Item label="印发">{dateTime(minutes.issuedAt)}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>议定事项</Typography.Title>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={minutes.agreedItems}
        scroll={{ x: 700 }}
        locale={{ emptyText: '无议定事项' }}
        expandable={{
          rowExpandable: (i) => i.reports.length > 0,
          expandedRowRender: (i) => (
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={i.reports}
              columns={[
                { title: '落实情况', dataIndex: 'body' },
                { title: '报告时间', dataIndex: 'createdAt', render: (v: string) => dateTime(v) },
                {
                  title: '状态',
                  dataIndex: 'status',
                  render: (v: string, r) =>
                    `${label(REPORT_STATUS, v)}${r.reviewComment ? `：${r.reviewComment}` : ''}`,
                },
                {
                  title: '审核',
                  key: 'review',
                  render: (_: unknown, r) =>
                    office && r.status === 'SUBMITTED' ? (
                      <Space>
                        <Button
                          size="small"
                          type="link"
                          onClick={() => act(() => accept({ variables: { input: { reportId: r.id } } }), '已通过')}
                        >
                          通过
                        </Button>
                        <Button
                          size="small"
                          type="link"
                          danger
                          onClick={() =>
                            act(
                              () => sendBack({ variables: { input: { reportId: r.id, comment: '请补充落实情况' } } }),
                              '已退回',
                            )
                          }
                        >
                          退回
                        </Button>
                      </Space>
                    ) : null,
                },
              ]}
            />
          ),
        }}
        columns={[
          { title: '内容', dataIndex: 'content' },
          { title: '责任单位', key: 'owners', render: (_: unknown, i) => i.owners.map((o) => o.name).join('、') },
          {
            title: '期限',
            dataIndex: 'dueOn',
            render: (v: string | null, i) => (v ? `${v}${i.dueProvisional ? '（暂定）' : ''}` : '印发后计算'),
          },
          {
            title: '状态',
            dataIndex: 'status',
            render: (v: string, i) => (i.overdue ? <Tag color="red">已超期</Tag> : <Tag>{label(ITEM_STATUS, v)}</Tag>),
          },
          { title: '报告', key: 'reports', render: (_: unknown, i) => i.reports.length },
        ]}
      />
      {minutes.receipts.length ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            签收情况
          </Typography.Title>
          <Table
            rowKey={(r) => r.memberUnit.id}
            size="small"
            pagination={false}
            dataSource={minutes.receipts}
            columns={[
              { title: '成员单位', render: (_: unknown, r) => r.memberUnit.name },
              {
                title: '签收',
                dataIndex: 'acknowledgedAt',
                render: (v: string | null) => (v ? dateTime(v) : <Tag color="orange">未签收</Tag>),
              },
            ]}
          />
        </>
      ) : null}
      <Modal
        title="退回纪要"
        open={returning}
        okText="退回"
        okButtonProps={{ danger: true, disabled: !comment.trim() }}
        onCancel={() => setReturning(false)}
        onOk={() => {
          setReturning(false);
          act(() => ret({ variables: { input: { minutesId: minutes.id, comment } } }), '已退回');
        }}
      >
        <Input.TextArea
          aria-label="退回意见"
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder="请写明退回意见"
        />
      </Modal>
    </Card>
  );
}
