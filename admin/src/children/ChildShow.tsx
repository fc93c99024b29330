import Typography from '@mui/material/Typography';
import { EditButton, ListButton, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField, EnumChipField } from '../fields';
import { BirthDateField, CircumstanceField } from './fields';
import type { Child } from './types';

const ChildShowActions = () => {
  const { canAccess } = useCanAccess({ resource: 'Child', action: 'edit' });
  return (
    <TopToolbar>
      <ListButton />
      {canAccess && <EditButton />}
    </TopToolbar>
  );
};

/** Says that reading the full profile was written to the audit trail (or that it is masked). */
const AuditCaption = () => {
  const child = useRecordContext<Child>();
  const translate = useTranslate();
  if (!child) return null;
  return (
    <Typography variant="caption" color="text.secondary" component="p" sx={{ px: 2, pt: 1 }} data-testid="child-audit-caption">
      {translate(child.masked ? 'soquy.children.masked_notice' : 'soquy.children.audited')}
    </Typography>
  );
};

/** A child's profile: who, born when, where, in which circumstance, the guardian who signs. */
export const ChildShow = () => (
  <Show actions={<ChildShowActions />}>
    <AuditCaption />
    <SimpleShowLayout>
      <TextField source="fullName" />
      <BirthDateField source="birthDate" />
      <EnumChipField source="gender" prefix="soquy.children.gender" />
      <CircumstanceField source="circumstanceCode" />
      <ReferenceField source="unitId" reference="AdministrativeUnit" link="show" />
      <TextField source="address" />
      <TextField source="guardianName" />
      <TextField source="guardianPhone" emptyText="—" />
      <TextField source="note" emptyText="—" />
      <DateTimeField source="createdAt" />
    </SimpleShowLayout>
  </Show>
);
