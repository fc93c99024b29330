import { registerEnumType } from 'type-graphql';

export enum Role {
  ADMIN = 'ADMIN',
  FUND_MANAGER = 'FUND_MANAGER',
  GRANT_OFFICER = 'GRANT_OFFICER',
  INSPECTOR = 'INSPECTOR',
}
registerEnumType(Role, { name: 'Role', description: 'What a user does in Sổ Quỹ (DESIGN §1)' });

/**
 * Every query and mutation names exactly one of these in `@Authorized(...)`; a test walks the
 * schema and fails on any operation without one. `resource.action`, as in Immich and Vendure.
 */
export enum Permission {
  /** Anyone, signed in or not (sign-in itself). */
  Public = 'public',
  /** Any signed-in, active user. */
  Authenticated = 'authenticated',
  UnitRead = 'unit.read',
  UserRead = 'user.read',
  UserCreate = 'user.create',
  UserUpdate = 'user.update',
  UserResetPassword = 'user.resetPassword',
  FundRead = 'fund.read',
  FundLock = 'fund.lock',
  LedgerRead = 'ledger.read',
  LedgerVerify = 'ledger.verify',
  DonorRead = 'donor.read',
  DonorWrite = 'donor.write',
  CampaignRead = 'campaign.read',
  CampaignWrite = 'campaign.write',
  DonationRead = 'donation.read',
  DonationCreate = 'donation.create',
  DonationVoid = 'donation.void',
  AuditRead = 'audit.read',
  DisbursementRead = 'disbursement.read',
  DisbursementCreate = 'disbursement.create',
  DisbursementApprove = 'disbursement.approve',
  DisbursementPay = 'disbursement.pay',
  PolicyRead = 'policy.read',
  /** Revise the policy rates (a new row from a date; history kept). */
  PolicyWrite = 'policy.write',
  HouseholdRead = 'household.read',
  HouseholdWrite = 'household.write',
  /** See citizen IDs in full (others see them masked). */
  HouseholdIdentityRead = 'household.identityRead',
  HousingRead = 'housing.read',
  /** Record housing grants and take them through their lifecycle. */
  HousingWrite = 'housing.write',
  MemorialRead = 'memorial.read',
  /** Record memorial works, their steps and progress. */
  MemorialWrite = 'memorial.write',
  /** List children and their support (personal fields masked without ChildIdentityRead). */
  ChildRead = 'child.read',
  ChildWrite = 'child.write',
  /** See children's names, birth dates and guardians in full; each full profile read is audited. */
  ChildIdentityRead = 'child.identityRead',
  /** Run gift campaigns: batches, hand-overs, returns. */
  GiftWrite = 'gift.write',
  /** Scholarships and surgery cases. */
  ChildSupportWrite = 'childSupport.write',
  /** Record and apply succession events (reorganisation of administrative units). */
  UnitReorganise = 'unit.reorganise',
  /** Fund statements (báo cáo thu chi quỹ) and their exports. */
  StatementRead = 'statement.read',
}
registerEnumType(Permission, { name: 'Permission' });

const read = [
  Permission.Authenticated,
  Permission.UnitRead,
  Permission.FundRead,
  Permission.LedgerRead,
  Permission.DonorRead,
  Permission.CampaignRead,
  Permission.DonationRead,
  Permission.DisbursementRead,
  Permission.PolicyRead,
  Permission.HouseholdRead,
  Permission.HousingRead,
  Permission.MemorialRead,
  Permission.ChildRead,
  Permission.StatementRead,
];
const fundManagement = [
  Permission.FundLock,
  Permission.DonorWrite,
  Permission.CampaignWrite,
  Permission.DonationCreate,
  Permission.DonationVoid,
  Permission.DisbursementCreate,
  Permission.DisbursementApprove,
  Permission.DisbursementPay,
];

/** Which role may do what. INSPECTOR holds read permissions only (checked by a test). */
export const rolePermissions: Readonly<Record<Role, readonly Permission[]>> = {
  [Role.ADMIN]: [...read, Permission.UserRead, Permission.UserCreate, Permission.UserUpdate, Permission.UserResetPassword, Permission.LedgerVerify, Permission.AuditRead, Permission.PolicyWrite, Permission.UnitReorganise],
  [Role.FUND_MANAGER]: [
    ...read,
    ...fundManagement,
    Permission.HouseholdIdentityRead,
    Permission.ChildWrite,
    Permission.ChildIdentityRead,
    Permission.GiftWrite,
    Permission.ChildSupportWrite,
  ],
  [Role.GRANT_OFFICER]: [
    ...read,
    Permission.DisbursementCreate,
    Permission.HouseholdWrite,
    Permission.HouseholdIdentityRead,
    Permission.HousingWrite,
    Permission.MemorialWrite,
    Permission.ChildWrite,
    Permission.ChildIdentityRead,
    Permission.GiftWrite,
    Permission.ChildSupportWrite,
  ],
  [Role.INSPECTOR]: [...read, Permission.UserRead, Permission.LedgerVerify, Permission.AuditRead, Permission.HouseholdIdentityRead],
};

/** Permissions that change data; never granted to INSPECTOR. */
export const writePermissions: readonly Permission[] = [
  Permission.HouseholdWrite,
  Permission.HousingWrite,
  Permission.MemorialWrite,
  Permission.PolicyWrite,
  Permission.ChildWrite,
  Permission.GiftWrite,
  Permission.ChildSupportWrite,
  Permission.UserCreate,
  Permission.UserUpdate,
  Permission.UserResetPassword,
  Permission.UnitReorganise,
  ...fundManagement,
];

export function hasPermission(role: Role, permission: Permission): boolean {
  return permission === Permission.Public || rolePermissions[role].includes(permission);
}
