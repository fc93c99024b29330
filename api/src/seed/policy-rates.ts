import type { EntityManager } from '@mikro-orm/postgresql';
import { PolicyRate } from '../modules/policy/policy-rate.entity';

/** The housing support rates (DESIGN §2): Decision 22/2013, then the later national rates, to be confirmed. */
const rates = [
  { code: 'HOUSING_NEW', category: 'HOUSING_NEW', amount: 40_000_000, effectiveFrom: '2013-06-01', effectiveTo: '2024-12-31', legalBasis: 'Quyết định 22/2013/QĐ-TTg: hỗ trợ 40 triệu đồng/hộ xây mới nhà ở', toBeConfirmed: false },
  { code: 'HOUSING_REPAIR', category: 'HOUSING_REPAIR', amount: 20_000_000, effectiveFrom: '2013-06-01', effectiveTo: '2024-12-31', legalBasis: 'Quyết định 22/2013/QĐ-TTg: hỗ trợ 20 triệu đồng/hộ sửa chữa khung, tường, mái', toBeConfirmed: false },
  { code: 'HOUSING_NEW', category: 'HOUSING_NEW', amount: 60_000_000, effectiveFrom: '2025-01-01', legalBasis: 'Nghị định 131/2021/NĐ-CP, Điều 102; Quyết định 21/2024/QĐ-TTg (60 triệu đồng/hộ xây mới, cần xác nhận)', toBeConfirmed: true },
  { code: 'HOUSING_REPAIR', category: 'HOUSING_REPAIR', amount: 30_000_000, effectiveFrom: '2025-01-01', legalBasis: 'Nghị định 131/2021/NĐ-CP, Điều 102; Quyết định 21/2024/QĐ-TTg (30 triệu đồng/hộ sửa chữa, cần xác nhận)', toBeConfirmed: true },
  { code: 'MEMORIAL_GRAVE', category: null, amount: 7_000_000, effectiveFrom: '2018-12-01', legalBasis: 'Thông tư 101/2018/TT-BTC, Điều 11: hỗ trợ tối đa 7 triệu đồng/mộ liệt sĩ (cần đối chiếu văn bản hiện hành)', toBeConfirmed: true },
];

/** Idempotent: a rate with the same code and start date is kept as it is. */
export async function seedPolicyRates(em: EntityManager): Promise<number> {
  const existing = new Set((await em.find(PolicyRate, {})).map((r) => `${r.code}|${r.effectiveFrom}`));
  let created = 0;
  for (const rate of rates) {
    if (existing.has(`${rate.code}|${rate.effectiveFrom}`)) continue;
    em.create(PolicyRate, { ...rate, category: rate.category ?? undefined });
    created += 1;
  }
  await em.flush();
  return created;
}
