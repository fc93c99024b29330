import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../common/permissions';
import { getMeta, setMeta } from '../modules/system/app-meta';
import { AdministrativeUnit } from '../modules/units/unit.entity';
import { createUserRecord } from '../modules/users/user.service';
import { User } from '../modules/users/user.entity';
import { seedDemoDisbursements } from './demo-disbursements';
import { seedDemoDonations, type DemoActivity } from './demo-donations';
import { seedDemoChildren } from './demo-children';
import { seedDemoProjects } from './demo-projects';
import { seedDemoReform } from './demo-reform';
import { seedFunds } from './funds';
import { seedChildCircumstances } from './child-circumstances';
import { seedMeritCategories } from './merit-categories';
import categories from './domain-categories.json';
import unitData from './nam-dinh-admin-units.json';
import { seededPolicyRates, seedPolicyRates } from './policy-rates';
import { seedUnits } from './units';

export const DEMO_PASSWORD = 'SoQuy@2025';

/** The demo sign-in accounts, all with DEMO_PASSWORD (README lists them too). */
export const demoAccounts = [
  { email: 'admin@soquy.example', fullName: 'Nguyễn Văn Quản', role: Role.ADMIN, unitCode: '36' },
  { email: 'ketoan@soquy.example', fullName: 'Trần Thị Kế', role: Role.FUND_MANAGER, unitCode: '36' },
  { email: 'ketoan2@soquy.example', fullName: 'Lê Văn Toán', role: Role.FUND_MANAGER, unitCode: '36' },
  { email: 'canbo@soquy.example', fullName: 'Phạm Thị Cán', role: Role.GRANT_OFFICER, unitCode: '36' },
  { email: 'thanhtra@soquy.example', fullName: 'Hoàng Văn Tra', role: Role.INSPECTOR, unitCode: '36' },
  { email: 'xa13741@soquy.example', fullName: 'Vũ Thị Gôi', role: Role.FUND_MANAGER, unitCode: '13741' },
] as const;

/** Reference data every installation needs: the administrative units, their funds, the policy rates, the merit categories and children's circumstances. Idempotent. */
export async function seedReference(em: EntityManager): Promise<{ units: number; funds: number; rates: number; categories: number }> {
  const units = await seedUnits(em);
  const funds = await seedFunds(em);
  const rates = await seedPolicyRates(em);
  return { units, funds, rates, categories: (await seedMeritCategories(em)) + (await seedChildCircumstances(em)) };
}

/** A fingerprint of the reference data this version of Sổ Quỹ ships (units, rates, categories). */
export const referenceVersion = createHash('sha256').update(JSON.stringify([unitData, seededPolicyRates, categories])).digest('hex').slice(0, 16);

/**
 * Brings the reference data up to date at start-up, only when this version ships other reference
 * data than the database last received (a restart of the same version reads one row).
 */
export async function seedReferenceIfChanged(em: EntityManager): Promise<boolean> {
  if ((await getMeta(em, 'reference_version')) === referenceVersion) return false;
  await em.transactional(async (tx) => {
    await seedReference(tx);
    await setMeta(tx, 'reference_version', referenceVersion);
  });
  return true;
}

/**
 * Demo data, written once: a second call finds the marker and does nothing. `activity: false`
 * leaves out the donations, donors and campaigns (tests build their own).
 */
export async function seedDemo(em: EntityManager, options: { activity?: boolean } = {}): Promise<{ seeded: boolean; activity?: DemoActivity }> {
  if (await getMeta(em, 'demo_seeded_at')) return { seeded: false };
  const activity = await em.transactional(async (tx) => {
    await seedReference(tx);
    const ids: Record<string, number> = {};
    for (const account of demoAccounts) {
      const existing = await tx.findOne(User, { email: account.email });
      const unit = await tx.findOneOrFail(AdministrativeUnit, { code: account.unitCode });
      ids[account.email] = (existing ?? (await createUserRecord(tx, { ...account, unit, password: DEMO_PASSWORD }))).id;
    }
    let seeded: DemoActivity | undefined;
    if (options.activity !== false) {
      seeded = await seedDemoDonations(tx, { province: ids['ketoan@soquy.example']!, commune13741: ids['xa13741@soquy.example']! });
      const staff = { officer: ids['canbo@soquy.example']!, approver: ids['ketoan2@soquy.example']!, payer: ids['ketoan@soquy.example']! };
      seeded.disbursements = await seedDemoDisbursements(tx, staff);
      seeded.projects = await seedDemoProjects(tx, staff);
      // The reform of 1/7/2025 closes the districts' funds on what the years before left in them
      // (the children's programs after it touch only the province's Child Protection Fund).
      seeded.reform = await seedDemoReform(tx, ids['admin@soquy.example']!);
      seeded.children = await seedDemoChildren(tx, staff);
    }
    await setMeta(tx, 'demo_seeded_at', new Date().toISOString());
    return seeded;
  });
  return { seeded: true, activity };
}
