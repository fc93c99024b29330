export const statusChoices = ['DRAFT', 'APPLIED'].map((id) => ({ id, name: `soquy.reorganisation.status.${id}` }));
export const kindChoices = ['ABSORBED', 'REPARENTED'].map((id) => ({ id, name: `soquy.reorganisation.kind.${id}` }));
export const levelChoices = ['DISTRICT', 'COMMUNE'].map((id) => ({ id, name: `soquy.unitLevel.${id}` }));
export const typeChoices = ['huyen', 'thi-xa', 'thanh-pho', 'xa', 'phuong', 'thi-tran'].map((id) => ({ id, name: `soquy.unitType.${id}` }));
