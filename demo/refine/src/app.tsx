/**
 * The Refine example app: Refine core with the Ant Design UI, routed by @refinedev/react-router
 * over a HashRouter (`/refine/#/customers/17850`, so a static server needs no fallback route), and
 * the c360 data provider and live provider (`@c360/sdk/refine`) on the same API and token as the
 * elements: with `liveMode: "auto"` the customer list refetches its page when a change lands on one
 * of its customers (a note, an order), over one change stream.
 *
 * Routes: `#/customers` (list), `#/customers/:id` (show: `<customer-360>`),
 * `#/customers/:id/orders/:orderId` (where an order link of the 360 view leads).
 * @module
 */
import { Refine } from '@refinedev/core';
import { ErrorComponent, RefineThemes, ThemedLayout, ThemedTitle, useNotificationProvider } from '@refinedev/antd';
import routerProvider, { NavigateToResource } from '@refinedev/react-router';
import { HashRouter, Outlet, Route, Routes } from 'react-router';
import { App as AntdApp, ConfigProvider } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { c360DataProvider, c360LiveProvider } from '@c360/sdk/refine';
import { pageConfig } from './config';
import { CustomerList } from './customer-list';
import { CustomerShow } from './customer-show';
import { OrderShow } from './order-show';

const { apiBase, token } = pageConfig();
const dataProvider = c360DataProvider({ baseUrl: apiBase, token });
const liveProvider = c360LiveProvider(dataProvider);

export function App() {
  return (
    <HashRouter>
      <ConfigProvider theme={RefineThemes.Blue}>
        <AntdApp>
          <Refine
            dataProvider={dataProvider}
            liveProvider={liveProvider}
            routerProvider={routerProvider}
            notificationProvider={useNotificationProvider}
            resources={[{ name: 'customers', list: '/customers', show: '/customers/:id', meta: { icon: <TeamOutlined /> } }]}
            options={{
              syncWithLocation: true,
              disableTelemetry: true,
              liveMode: 'auto',
              reactQuery: { clientConfig: { defaultOptions: { queries: { retry: false } } } },
            }}
          >
            <Routes>
              <Route
                element={
                  <ThemedLayout Title={({ collapsed }) => <ThemedTitle collapsed={collapsed} text="c360 in Refine" />}>
                    <Outlet />
                  </ThemedLayout>
                }
              >
                <Route index element={<NavigateToResource resource="customers" />} />
                <Route path="/customers">
                  <Route index element={<CustomerList />} />
                  <Route path=":id" element={<CustomerShow />} />
                  <Route path=":id/orders/:orderId" element={<OrderShow />} />
                </Route>
                <Route path="*" element={<ErrorComponent />} />
              </Route>
            </Routes>
          </Refine>
        </AntdApp>
      </ConfigProvider>
    </HashRouter>
  );
}
