import type { EntityManager } from '@mikro-orm/postgresql';
import { AdministrativeUnit, UnitLevel } from '../modules/units/unit.entity';
import { SuccessionKind } from '../modules/reorganisation/succession.entity';
import { applySuccessionEvent, createSuccessionEvent } from '../modules/reorganisation/succession.service';
import { addDays } from './random';
import { DISTRICTS_LAST_DAY } from './units';

/** Legal basis of the end of the district level (DESIGN §2). */
export const DISTRICT_ABOLITION_BASIS =
  'Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16/6/2025 (hiệu lực từ 01/7/2025: chính quyền địa phương hai cấp, ' +
  'đơn vị hành chính cấp huyện kết thúc hoạt động); Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về sắp xếp đơn vị hành chính cấp tỉnh';

/**
 * The reform of 1/7/2025 in the demo province: Nam Định's ten districts end on 30/6/2025 and the
 * province takes them over. Recorded and applied through the same service as the console's, so the
 * districts' Gratitude funds are closed by succession transfers to the province's Gratitude fund,
 * their communes are placed directly under the province, and their users and open projects move.
 * The seeds before it leave nothing on a district after 30/6/2025, which the apply requires.
 * (The merger of Nam Định into Ninh Bình and the commune mergers of the same date are not part of
 * the demo: the province keeps its code and communes.)
 */
export async function seedDemoReform(em: EntityManager, adminUserId: number): Promise<{ eventId: number; districts: number }> {
  const province = await em.findOneOrFail(AdministrativeUnit, { level: UnitLevel.PROVINCE, parent: null });
  const districts = await em.find(AdministrativeUnit, { level: UnitLevel.DISTRICT, parent: province, validTo: null }, { orderBy: { code: 'asc' } });
  const event = await createSuccessionEvent(
    em,
    {
      name: `Kết thúc hoạt động của ${districts.length} đơn vị hành chính cấp huyện tỉnh ${province.name}`,
      legalBasis: DISTRICT_ABOLITION_BASIS,
      effectiveOn: addDays(DISTRICTS_LAST_DAY, 1),
      lines: districts.map((d) => ({ kind: SuccessionKind.ABSORBED, predecessorId: String(d.id), successorId: String(province.id) })),
    },
    adminUserId,
  );
  await applySuccessionEvent(em, event.id, adminUserId);
  return { eventId: event.id, districts: districts.length };
}
