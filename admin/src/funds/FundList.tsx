import { Datagrid, List, ReferenceField, SearchInput, SelectInput, TextField } from 'react-admin';
import { EnumChipField, LocalDateField, MoneyField } from '../fields';
import { UnitReferenceInput } from '../units/UnitReferenceInput';
import { fundKindChoices, fundKindColors } from './choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={fundKindChoices} />,
  <UnitReferenceInput key="unitId" source="unitId" />,
];

/** The funds of the user's unit and the units below it, with their balances (read from kept balances, cheap). */
export const FundList = () => (
  <List sort={{ field: 'id', order: 'ASC' }} perPage={25} filters={filters} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false} sx={{ '& .column-name': { minWidth: 240 }, '& .column-lockedUntil': { whiteSpace: 'nowrap' } }}>
      <TextField source="name" />
      <EnumChipField source="kind" prefix="soquy.fundKind" colors={fundKindColors} />
      <ReferenceField source="unitId" reference="AdministrativeUnit" link={false} />
      <MoneyField source="balance" textAlign="right" sortable={false} />
      <MoneyField source="freeBalance" textAlign="right" sortable={false} />
      <MoneyField source="inKindHeld" textAlign="right" sortable={false} />
      <MoneyField source="receiptsThisYear" textAlign="right" sortable={false} />
      <LocalDateField source="lockedUntil" emptyText="—" />
    </Datagrid>
  </List>
);
