import { CreateButton, Datagrid, DateField, List, SearchInput, SelectInput, TextField, TopToolbar } from 'react-admin';
import { EnumChipField, LocalDateField } from '../fields';
import { statusChoices } from './choices';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="status" source="status" choices={statusChoices} />];

const Actions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

/** The succession events, newest first. */
export const SuccessionEventList = () => (
  <List sort={{ field: 'id', order: 'DESC' }} filters={filters} exporter={false} actions={<Actions />}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <TextField source="legalBasis" />
      <LocalDateField source="effectiveOn" />
      <EnumChipField source="status" prefix="soquy.reorganisation.status" colors={{ APPLIED: 'success' }} />
      <DateField source="appliedAt" showTime emptyText="—" />
    </Datagrid>
  </List>
);
