import { Menu as RaMenu, useResourceDefinitions } from 'react-admin';

/** The console's menu order: money first, then the reference data, users and the audit trail. */
const ORDER = ['Fund', 'Donation', 'Disbursement', 'Donor', 'Campaign', 'BeneficiaryHousehold', 'HousingGrant', 'MemorialWork', 'PolicyRate', 'AdministrativeUnit', 'User', 'AuditEvent'];

/**
 * The resources with a list, in {@link ORDER} (any other after them); each is shown only when the
 * user may list it. The order of <Resource> in App.tsx decides the landing page instead.
 */
export const Menu = () => {
  const resources = useResourceDefinitions();
  const listed = Object.keys(resources).filter((name) => resources[name]?.hasList);
  const rank = (name: string) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);
  const names = [...listed].sort((a, b) => rank(a) - rank(b));
  return (
    <RaMenu>
      {names.map((name) => (
        <RaMenu.ResourceItem key={name} name={name} />
      ))}
    </RaMenu>
  );
};
