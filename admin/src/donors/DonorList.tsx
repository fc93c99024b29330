import { Datagrid, List, ReferenceField, SearchInput, SelectInput, TextField } from 'react-admin';
import { DateTimeField, EnumChipField } from '../fields';
import { donorTypeChoices, donorTypeColors } from './choices';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="type" source="type" choices={donorTypeChoices} />];

/** Donors recorded by the user's unit and the units below it; search by name, tax code or ID number. */
export const DonorList = () => (
  <List sort={{ field: 'name', order: 'ASC' }} perPage={25} filters={filters} exporter={false}>
    <Datagrid
      rowClick="show"
      bulkActionButtons={false}
      sx={{ '& .column-taxCode, & .column-idNumber, & .column-phone, & .column-createdAt': { whiteSpace: 'nowrap' } }}
    >
      <TextField source="name" />
      <EnumChipField source="type" prefix="soquy.donorType" colors={donorTypeColors} />
      <TextField source="taxCode" emptyText="—" />
      <TextField source="idNumber" emptyText="—" sortable={false} />
      <TextField source="phone" emptyText="—" sortable={false} />
      <ReferenceField source="unitId" reference="AdministrativeUnit" link={false} />
      <DateTimeField source="createdAt" />
    </Datagrid>
  </List>
);
