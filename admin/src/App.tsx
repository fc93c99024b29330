import { Admin, Resource } from 'react-admin';
import { i18nProvider } from './i18n';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import { createStore } from './layout/store';
import { theme } from './layout/theme';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { units } from './units';
import { users } from './users';

const store = createStore();

/** The console: administrative units first (the landing page), users for those allowed to see them. */
export const App = () => (
  <Admin
    title="Sổ Quỹ"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    store={store}
    layout={Layout}
    loginPage={LoginPage}
    theme={theme}
    requireAuth
    disableTelemetry
  >
    <Resource name="AdministrativeUnit" {...units} />
    <Resource name="User" {...users} />
  </Admin>
);
