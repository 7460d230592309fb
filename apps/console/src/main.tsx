import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApolloProvider } from '@apollo/client/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { client } from './apollo';
import { AuthProvider } from './auth';
import { Router } from './router';

dayjs.locale('zh-cn');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#b71c1c', borderRadius: 4 } }}>
      <AntApp>
        <ApolloProvider client={client}>
          <AuthProvider>
            <Router />
          </AuthProvider>
        </ApolloProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
