import type { EntityManager } from '@mikro-orm/postgresql';
import { PolicyRate, RateUnit } from '../modules/policy/policy-rate.entity';

const QD22 = 'Quyết định 22/2013/QĐ-TTg về hỗ trợ người có công với cách mạng về nhà ở';
const ND131 = 'Nghị định 131/2021/NĐ-CP, Điều 102; Quyết định 21/2024/QĐ-TTg';
const TT101 = 'Thông tư 101/2018/TT-BTC, Điều 11 (cần đối chiếu văn bản hiện hành)';
const QC_BTTE = 'Quy chế hoạt động Quỹ Bảo trợ trẻ em tỉnh (Luật Trẻ em 2016, Điều 95; Thông tư 87/2008/TT-BTC): mức do Hội đồng quản lý quỹ quyết định, cần xác nhận';

type SeedRate = Pick<PolicyRate, 'code' | 'name' | 'effectiveFrom' | 'legalBasis'> & Partial<Pick<PolicyRate, 'category' | 'unit' | 'amount' | 'percent' | 'effectiveTo' | 'toBeConfirmed'>>;

/** The rules of housing support and memorial works (DESIGN §2), with their legal basis; later rates marked for confirmation. */
export const seededPolicyRates: readonly SeedRate[] = [
  { code: 'HOUSING_NEW', name: 'Hỗ trợ xây mới nhà ở, mỗi hộ', category: 'HOUSING_NEW', amount: 40_000_000, effectiveFrom: '2013-06-01', effectiveTo: '2024-12-31', legalBasis: `${QD22}: 40 triệu đồng/hộ xây mới` },
  { code: 'HOUSING_NEW', name: 'Hỗ trợ xây mới nhà ở, mỗi hộ', category: 'HOUSING_NEW', amount: 60_000_000, effectiveFrom: '2025-01-01', legalBasis: `${ND131}: 60 triệu đồng/hộ xây mới (cần xác nhận)`, toBeConfirmed: true },
  { code: 'HOUSING_REPAIR', name: 'Hỗ trợ sửa chữa khung, tường, mái, mỗi hộ', category: 'HOUSING_REPAIR', amount: 20_000_000, effectiveFrom: '2013-06-01', effectiveTo: '2024-12-31', legalBasis: `${QD22}: 20 triệu đồng/hộ sửa chữa khung, tường, mái` },
  { code: 'HOUSING_REPAIR', name: 'Hỗ trợ sửa chữa khung, tường, mái, mỗi hộ', category: 'HOUSING_REPAIR', amount: 30_000_000, effectiveFrom: '2025-01-01', legalBasis: `${ND131}: 30 triệu đồng/hộ sửa chữa (cần xác nhận)`, toBeConfirmed: true },
  { code: 'HOUSING_FIRST_TRANCHE', name: 'Đợt cấp kinh phí đầu, trước khi hoàn thành (tối đa)', unit: RateUnit.PERCENT, percent: 60, effectiveFrom: '2013-06-01', legalBasis: `${QD22}: tạm ứng tối đa 60%, phần còn lại sau khi xã xác nhận hoàn thành` },
  { code: 'HOUSING_MANAGEMENT_COST', name: 'Chi phí quản lý thực hiện chính sách (tối đa)', unit: RateUnit.PERCENT, percent: 0.5, effectiveFrom: '2013-06-01', legalBasis: `${QD22}: kinh phí quản lý tối đa 0,5%` },
  { code: 'MEMORIAL_SUPPORT_SHARE', name: 'Hỗ trợ công trình ghi công liệt sĩ, phần của tổng mức đầu tư (tối đa)', unit: RateUnit.PERCENT, percent: 70, effectiveFrom: '2018-12-01', legalBasis: `${TT101}: hỗ trợ tối đa 70% tổng mức đầu tư`, toBeConfirmed: true },
  { code: 'MEMORIAL_CAP_PROVINCE', name: 'Mức hỗ trợ tối đa, công trình cấp tỉnh', amount: 10_000_000_000, effectiveFrom: '2018-12-01', legalBasis: `${TT101}: tối đa 10 tỷ đồng/công trình cấp tỉnh`, toBeConfirmed: true },
  { code: 'MEMORIAL_CAP_DISTRICT', name: 'Mức hỗ trợ tối đa, công trình cấp huyện', amount: 4_000_000_000, effectiveFrom: '2018-12-01', legalBasis: `${TT101}: tối đa 4 tỷ đồng/công trình cấp huyện`, toBeConfirmed: true },
  { code: 'MEMORIAL_CAP_COMMUNE', name: 'Mức hỗ trợ tối đa, công trình cấp xã', amount: 500_000_000, effectiveFrom: '2018-12-01', legalBasis: `${TT101}: tối đa 0,5 tỷ đồng/công trình cấp xã`, toBeConfirmed: true },
  { code: 'MEMORIAL_REPAIR_SHARE', name: 'Sửa chữa, tu bổ: phần của mức tối đa', unit: RateUnit.PERCENT, percent: 50, effectiveFrom: '2018-12-01', legalBasis: `${TT101}: sửa chữa, tu bổ tối đa 50% mức hỗ trợ xây mới`, toBeConfirmed: true },
  { code: 'MEMORIAL_GRAVE', name: 'Hỗ trợ xây mới, sửa chữa mộ liệt sĩ, mỗi mộ', amount: 7_000_000, effectiveFrom: '2018-12-01', legalBasis: `${TT101}: tối đa 7 triệu đồng/mộ`, toBeConfirmed: true },
  { code: 'MEMORIAL_PROJECT_DOCUMENT', name: 'Công trình từ mức này phải có dự án được phê duyệt', amount: 500_000_000, effectiveFrom: '2018-12-01', legalBasis: `${TT101}: công trình từ 500 triệu đồng phải lập dự án được cấp có thẩm quyền phê duyệt`, toBeConfirmed: true },
  { code: 'CHILD_GIFT_PER_CHILD', name: 'Quà tặng trẻ em, mỗi suất (tối đa)', category: 'CHILD_GIFT', amount: 1_000_000, effectiveFrom: '2015-01-01', legalBasis: `${QC_BTTE}: tối đa 1 triệu đồng/suất quà`, toBeConfirmed: true },
  { code: 'SCHOLARSHIP_PER_TERM', name: 'Học bổng, mỗi học kỳ (tối đa)', amount: 3_000_000, effectiveFrom: '2015-01-01', legalBasis: `${QC_BTTE}: tối đa 3 triệu đồng/học kỳ`, toBeConfirmed: true },
  { code: 'SURGERY_SUPPORT', name: 'Hỗ trợ phẫu thuật, mỗi ca (tối đa)', amount: 50_000_000, effectiveFrom: '2015-01-01', legalBasis: `${QC_BTTE}: tối đa 50 triệu đồng/ca phẫu thuật`, toBeConfirmed: true },
];

/** Idempotent: a rate with the same code and start date is kept as it is (an ADMIN's revisions stay). */
export async function seedPolicyRates(em: EntityManager): Promise<number> {
  const existing = new Set((await em.find(PolicyRate, {})).map((r) => `${r.code}|${r.effectiveFrom}`));
  let created = 0;
  for (const rate of seededPolicyRates) {
    if (existing.has(`${rate.code}|${rate.effectiveFrom}`)) continue;
    em.create(PolicyRate, rate);
    created += 1;
  }
  await em.flush();
  return created;
}
