import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { Spin } from 'antd';
import { useAuth } from './auth';
import { homeOf } from './roles';
import { Shell } from './components/Shell';
import { LoginPage } from './pages/LoginPage';
import { ErrorState } from './components/QueryState';

// Route-level code splitting: the sign-in screen loads none of these.
const Dashboard = lazy(() => import('./pages/DashboardPage'));
const Evidence = lazy(() => import('./pages/EvidencePage'));
const Workbench = lazy(() => import('./pages/WorkbenchPage'));
const Meetings = lazy(() => import('./pages/MeetingsPage'));
const Meeting = lazy(() => import('./pages/MeetingPage'));
const Cases = lazy(() => import('./pages/CasesPage'));
const Case = lazy(() => import('./pages/CasePage'));
const Units = lazy(() => import('./pages/UnitsPage'));
const Users = lazy(() => import('./pages/UsersPage'));
const Onboard = lazy(() => import('./pages/OnboardPage'));
const Inbox = lazy(() => import('./pages/InboxPage'));
const Tenants = lazy(() => import('./pages/TenantsPage'));

const page = (node: ReactNode) => (
  <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>{node}</Suspense>
);

function SignedIn() {
  const { me, loading, error, signOut } = useAuth();
  if (loading) return <Spin fullscreen description="正在加载…" />;
  if (!me) return <ErrorState error={error} action={signOut} actionText="重新登录" />;
  return (
    <Routes>
      <Route element={<Shell />}>
        <Route index element={<Navigate to={homeOf(me)} replace />} />
        <Route path="dashboard" element={page(<Dashboard />)} />
        <Route path="dashboard/:tenantCode/evidence/:metric" element={page(<Evidence />)} />
        <Route path="workbench" element={page(<Workbench />)} />
        <Route path="meetings" element={page(<Meetings />)} />
        <Route path="meetings/:id" element={page(<Meeting />)} />
        <Route path="cases" element={page(<Cases />)} />
        <Route path="cases/:id" element={page(<Case />)} />
        <Route path="units" element={page(<Units />)} />
        <Route path="users" element={page(<Users />)} />
        <Route path="onboard" element={page(<Onboard />)} />
        <Route path="inbox" element={page(<Inbox />)} />
        <Route path="tenants" element={page(<Tenants />)} />
        <Route path="login" element={<Navigate to="/" replace />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}

export function Router() {
  const { token } = useAuth();
  return (
    <BrowserRouter>
      {token ? (
        <SignedIn />
      ) : (
        <Routes>
          <Route path="*" element={<LoginPage />} />
        </Routes>
      )}
    </BrowserRouter>
  );
}
