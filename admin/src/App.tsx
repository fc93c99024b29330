import { Route } from 'react-router-dom';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { i18nProvider } from './i18n';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import { createStore } from './layout/store';
import { theme } from './layout/theme';
import { auditEvents } from './audit';
import { campaigns } from './campaigns';
import { children } from './children';
import { Dashboard } from './dashboard';
import { disbursements } from './disbursements';
import { donations } from './donations';
import { DonationImport } from './donations/DonationImport';
import { donors } from './donors';
import { funds } from './funds';
import { giftCampaigns } from './gifts';
import { households } from './households';
import { housingGrants } from './housing';
import { memorialWorks } from './memorial';
import { policyRates } from './policy';
import { successionEvents } from './reorganisation';
import { ProgramReports } from './reports';
import { StatementPage } from './statements/StatementPage';
import { scholarships } from './scholarships';
import { surgeryCases } from './surgery';
import { pledges } from './pledges';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { units } from './units';
import { users } from './users';

const store = createStore();

/**
 * The console. The dashboard is the home page (dashboard/Dashboard.tsx); the menu puts the
 * money first (layout/Menu.tsx): funds, receipts, disbursements, donors, campaigns, then units, users and the audit trail. Each
 * resource and action shows only for those allowed it (providers/access.ts).
 */
export const App = () => (
  <Admin
    title="Sổ Quỹ"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    store={store}
    layout={Layout}
    dashboard={Dashboard}
    loginPage={LoginPage}
    theme={theme}
    requireAuth
    disableTelemetry
  >
    <Resource name="AdministrativeUnit" {...units} />
    <Resource name="Fund" {...funds} />
    <Resource name="Donation" {...donations} />
    <Resource name="Disbursement" {...disbursements} />
    <Resource name="Donor" {...donors} />
    <Resource name="Campaign" {...campaigns} />
    <Resource name="Pledge" {...pledges} />
    <Resource name="BeneficiaryHousehold" {...households} />
    <Resource name="HousingGrant" {...housingGrants} />
    <Resource name="MemorialWork" {...memorialWorks} />
    <Resource name="Child" {...children} />
    <Resource name="GiftCampaign" {...giftCampaigns} />
    <Resource name="Scholarship" {...scholarships} />
    <Resource name="SurgeryCase" {...surgeryCases} />
    <Resource name="PolicyRate" {...policyRates} />
    <Resource name="UnitSuccessionEvent" {...successionEvents} />
    <Resource name="User" {...users} />
    <Resource name="AuditEvent" {...auditEvents} />
    <CustomRoutes>
      <Route path="/reports" element={<ProgramReports />} />
      <Route path="/statements" element={<StatementPage />} />
      <Route path="/Donation/import" element={<DonationImport />} />
    </CustomRoutes>
  </Admin>
);
