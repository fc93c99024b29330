/** The record types the audit trail knows (the GraphQL type a mutation answers), for the filter. */
export const auditTargetTypes = ['Disbursement', 'Donation', 'Donor', 'Campaign', 'Pledge', 'Fund', 'User', 'AdministrativeUnit'] as const;

export const auditTargetTypeChoices = auditTargetTypes.map((type) => ({ id: type, name: `soquy.auditTargetType.${type}` }));
