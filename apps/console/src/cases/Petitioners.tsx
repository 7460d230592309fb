import { Table, Tag, Tooltip } from 'antd';

interface Petitioner {
  position: number;
  name: string;
  phone?: string | null;
  idNumber?: string | null;
  address?: string | null;
  masked: boolean;
  organiser?: boolean;
}

/** Petitioners exactly as the API returns them: masked for roles that do not need the full data. */
export function Petitioners({ rows, compact = false }: { rows: Petitioner[]; compact?: boolean }) {
  if (compact)
    return (
      <span data-testid="petitioners">
        {rows.map((p) => p.name).join('、')}
        {rows.some((p) => p.masked) ? (
          <Tooltip title="按您的角色，个人信息已脱敏">
            <Tag style={{ marginLeft: 4 }}>已脱敏</Tag>
          </Tooltip>
        ) : null}
      </span>
    );
  return (
    <Table
      rowKey="position"
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid="petitioners"
      columns={[
        {
          title: '姓名',
          dataIndex: 'name',
          render: (v: string, p) => (
            <>
              {v}
              {p.organiser ? <Tag style={{ marginLeft: 4 }}>组织者</Tag> : null}
            </>
          ),
        },
        { title: '电话', dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
        { title: '身份证号', dataIndex: 'idNumber', render: (v: string | null) => v ?? '—' },
        { title: '住址', dataIndex: 'address', render: (v: string | null) => v ?? '—' },
        { title: '', dataIndex: 'masked', render: (v: boolean) => (v ? <Tag>已脱敏</Tag> : null) },
      ]}
    />
  );
}
