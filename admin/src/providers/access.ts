import type { Permission } from '../types';

/**
 * Which permission each console action needs, mirroring the server's `@Authorized(...)` on the
 * query or mutation behind it. The server decides; this only hides what would be refused.
 */
const rules: Readonly<Record<string, Readonly<Record<string, Permission>>>> = {
  Fund: { list: 'FundRead', show: 'FundRead', lock: 'FundLock', verify: 'LedgerVerify' },
  LedgerLine: { list: 'LedgerRead' },
  Donation: { list: 'DonationRead', show: 'DonationRead', export: 'DonationRead', create: 'DonationCreate', void: 'DonationVoid' },
  Disbursement: { list: 'DisbursementRead', show: 'DisbursementRead', export: 'DisbursementRead', create: 'DisbursementCreate' },
  AuditEvent: { list: 'AuditRead', show: 'AuditRead' },
  Statement: { show: 'StatementRead', export: 'StatementRead' },
  Donor: { list: 'DonorRead', show: 'DonorRead', create: 'DonorWrite', edit: 'DonorWrite' },
  Campaign: { list: 'CampaignRead', show: 'CampaignRead', create: 'CampaignWrite', edit: 'CampaignWrite', publish: 'CampaignWrite' },
  Pledge: { list: 'CampaignRead', create: 'CampaignWrite' },
  AdministrativeUnit: { list: 'UnitRead', show: 'UnitRead' },
  BeneficiaryHousehold: { list: 'HouseholdRead', show: 'HouseholdRead', create: 'HouseholdWrite', edit: 'HouseholdWrite' },
  HousingGrant: { list: 'HousingRead', show: 'HousingRead', create: 'HousingWrite', steps: 'HousingWrite', report: 'HousingRead' },
  MemorialWork: { list: 'MemorialRead', show: 'MemorialRead', create: 'MemorialWrite', steps: 'MemorialWrite', report: 'MemorialRead' },
  UnitSuccessionEvent: { list: 'UnitReorganise', show: 'UnitReorganise', create: 'UnitReorganise', apply: 'UnitReorganise' },
  PolicyRate: { list: 'PolicyRead', show: 'PolicyRead', revise: 'PolicyWrite' },
  Child: { list: 'ChildRead', show: 'ChildRead', create: 'ChildWrite', edit: 'ChildWrite' },
  GiftCampaign: { list: 'ChildRead', show: 'ChildRead', create: 'GiftWrite', handOver: 'GiftWrite', return: 'GiftWrite' },
  Scholarship: { list: 'ChildRead', show: 'ChildRead', create: 'ChildSupportWrite' },
  SurgeryCase: { list: 'ChildRead', show: 'ChildRead', create: 'ChildSupportWrite', steps: 'ChildSupportWrite' },
  User: {
    list: 'UserRead',
    show: 'UserRead',
    create: 'UserCreate',
    edit: 'UserUpdate',
    resetPassword: 'UserResetPassword',
  },
};

/** True when the permissions allow the action; unknown resources and actions (delete, export…) are refused. */
export function allows(permissions: readonly Permission[], resource: string, action: string): boolean {
  const needed = rules[resource]?.[action];
  return needed !== undefined && permissions.includes(needed);
}
