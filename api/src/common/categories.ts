import { registerEnumType } from 'type-graphql';

/**
 * What a fund spends on (Decree 131/2021 art. 181; Circular 87/2008/TT-BTC): the purposes money
 * can be earmarked for, and later the disbursement categories.
 */
export enum ProgramCategory {
  HOUSING_NEW = 'HOUSING_NEW',
  HOUSING_REPAIR = 'HOUSING_REPAIR',
  MEMORIAL_WORK = 'MEMORIAL_WORK',
  CHILD_GIFT = 'CHILD_GIFT',
  SCHOLARSHIP = 'SCHOLARSHIP',
  SURGERY = 'SURGERY',
  HARDSHIP = 'HARDSHIP',
}
registerEnumType(ProgramCategory, {
  name: 'ProgramCategory',
  description: 'Xây nhà mới, sửa nhà, công trình ghi công liệt sĩ, quà cho trẻ em, học bổng, phẫu thuật, hỗ trợ khó khăn',
});
