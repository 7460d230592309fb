import type { ReactNode } from 'react';
import { Alert, Button, Empty, Skeleton } from 'antd';
import { errorText } from '../errors';

export function ErrorState({
  error,
  action,
  actionText = '重试',
}: {
  error: unknown;
  action?: () => unknown;
  actionText?: string;
}) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title="加载失败"
      description={errorText(error)}
      action={
        action ? (
          <Button size="small" onClick={() => void action()}>
            {actionText}
          </Button>
        ) : undefined
      }
      style={{ margin: 16 }}
    />
  );
}

/** Loading, error and empty states for one query, the same on every screen. */
export function QueryState({
  loading,
  error,
  empty,
  emptyText = '暂无数据',
  refetch,
  children,
}: {
  loading: boolean;
  error?: unknown;
  empty?: boolean;
  emptyText?: string;
  refetch?: () => unknown;
  children: ReactNode;
}) {
  if (error) return <ErrorState error={error} action={refetch} />;
  if (loading) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (empty) return <Empty description={emptyText} />;
  return <>{children}</>;
}
