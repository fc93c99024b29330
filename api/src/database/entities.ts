import { AuditEvent } from '../modules/audit/audit.entity';
import { Campaign, Pledge } from '../modules/campaigns/campaign.entity';
import { Child, ChildCircumstance } from '../modules/children/child.entity';
import { GiftCampaign, GiftRecipient } from '../modules/children/gift.entity';
import { Scholarship, SurgeryCase } from '../modules/children/support.entity';
import { Disbursement } from '../modules/disbursements/disbursement.entity';
import { Donation } from '../modules/donations/donation.entity';
import { Donor } from '../modules/donors/donor.entity';
import { Fund } from '../modules/funds/fund.entity';
import { DocumentCounter } from '../modules/ledger/document-counter.entity';
import { LedgerAccount, LedgerDailyTotal, LedgerEntry, LedgerTransaction } from '../modules/ledger/ledger.entities';
import { BeneficiaryHousehold, MeritCategory } from '../modules/households/household.entity';
import { HousingGrant } from '../modules/housing/housing-grant.entity';
import { MemorialProgress, MemorialWork } from '../modules/memorial/memorial-work.entity';
import { PolicyRate } from '../modules/policy/policy-rate.entity';
import { FundingLine, ProjectEvent } from '../modules/projects/project.entities';
import { LoginThrottle } from '../modules/auth/login-throttle.entity';
import { AppMeta } from '../modules/system/app-meta.entity';
import { UnitSuccessionEvent, UnitSuccessionLine } from '../modules/reorganisation/succession.entity';
import { AdministrativeUnit } from '../modules/units/unit.entity';
import { User } from '../modules/users/user.entity';

/** Every entity, listed explicitly (no folder scanning at boot). */
export const entities = [
  AdministrativeUnit,
  User,
  LoginThrottle,
  AppMeta,
  Fund,
  LedgerAccount,
  LedgerTransaction,
  LedgerEntry,
  LedgerDailyTotal,
  DocumentCounter,
  Donor,
  Campaign,
  Pledge,
  Donation,
  AuditEvent,
  Disbursement,
  PolicyRate,
  MeritCategory,
  BeneficiaryHousehold,
  FundingLine,
  ProjectEvent,
  HousingGrant,
  MemorialWork,
  MemorialProgress,
  ChildCircumstance,
  Child,
  GiftCampaign,
  GiftRecipient,
  Scholarship,
  SurgeryCase,
  UnitSuccessionEvent,
  UnitSuccessionLine,
];
