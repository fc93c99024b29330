import AssessmentIcon from '@mui/icons-material/Assessment';
import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { Fragment } from 'react';
import { Menu as RaMenu, useCanAccess, useResourceDefinitions, useTranslate } from 'react-admin';

/** The console's menu order: money first, then the reference data, users and the audit trail. */
const ORDER = ['Fund', 'Donation', 'Disbursement', 'Donor', 'Campaign', 'BeneficiaryHousehold', 'HousingGrant', 'MemorialWork', 'Child', 'GiftCampaign', 'Scholarship', 'SurgeryCase', 'PolicyRate', 'AdministrativeUnit', 'UnitSuccessionEvent', 'User', 'AuditEvent'];

/** The program resources: the program reports come right after the last of them. */
const PROGRAMS = ['BeneficiaryHousehold', 'HousingGrant', 'MemorialWork'];

/** "Báo cáo chương trình" (#/reports), for those who may read the housing or the memorial report. */
const ReportsItem = () => {
  const translate = useTranslate();
  const housing = useCanAccess({ resource: 'HousingGrant', action: 'report' });
  const memorial = useCanAccess({ resource: 'MemorialWork', action: 'report' });
  if (!housing.canAccess && !memorial.canAccess) return null;
  return <RaMenu.Item to="/reports" primaryText={translate('soquy.reports.menu')} leftIcon={<AssessmentIcon />} />;
};

/** "Báo cáo thu chi" (#/statements), for those who may read fund statements. */
const StatementsItem = () => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'Statement', action: 'show' });
  if (!canAccess) return null;
  return <RaMenu.Item to="/statements" primaryText={translate('soquy.statements.menu')} leftIcon={<AccountBalanceIcon />} />;
};

/**
 * The resources with a list, in {@link ORDER} (any other after them); each is shown only when the
 * user may list it. The order of <Resource> in App.tsx decides the landing page instead.
 */
export const Menu = () => {
  const resources = useResourceDefinitions();
  const listed = Object.keys(resources).filter((name) => resources[name]?.hasList);
  const rank = (name: string) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);
  const names = [...listed].sort((a, b) => rank(a) - rank(b));
  const lastProgram = names.reduce((last, name, index) => (PROGRAMS.includes(name) ? index : last), -1);
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      {names.map((name, index) => (
        <Fragment key={name}>
          <RaMenu.ResourceItem name={name} />
          {name === 'Disbursement' && <StatementsItem />}
          {index === lastProgram && <ReportsItem />}
        </Fragment>
      ))}
      {lastProgram === -1 && <ReportsItem />}
    </RaMenu>
  );
};
