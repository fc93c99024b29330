import { BooleanInput, Datagrid, List, SelectInput, TextField } from 'react-admin';
import { LocalDateField } from '../fields';
import { InForceField, PolicyRateValueField, ToBeConfirmedField } from './PolicyRateFields';
import { rateCodes } from './types';

const codeChoices = rateCodes.map((code) => ({ id: code, name: code }));

const filters = [
  // Checked: only the rates in force today; unchecked: no filter (not "only the others").
  <BooleanInput key="current" source="current" alwaysOn parse={(value: boolean) => (value ? true : undefined)} />,
  <SelectInput key="code" source="code" choices={codeChoices} alwaysOn sx={{ minWidth: 280 }} />,
];

/**
 * The policy rates (định mức) the rules read, with their value, the dates they are in force and
 * their legal basis; revised ones keep their history (on each rate's page).
 */
export const PolicyRateList = () => (
  <List sort={{ field: 'code', order: 'ASC' }} perPage={50} filters={filters} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false} sx={{
        '& .column-effectiveFrom, & .column-effectiveTo, & .column-value, & .column-current': { whiteSpace: 'nowrap' },
        '& .column-name': { minWidth: 220 },
        '& .column-legalBasis': { minWidth: 360 },
      }}>
      <TextField source="code" sx={{ fontFamily: 'monospace' }} />
      <TextField source="name" />
      <PolicyRateValueField source="value" textAlign="right" sortable={false} />
      <LocalDateField source="effectiveFrom" />
      <LocalDateField source="effectiveTo" emptyText="—" />
      <InForceField source="current" sortable={false} label="soquy.policy.in_force" />
      <TextField source="legalBasis" sortable={false} />
      <ToBeConfirmedField source="toBeConfirmed" sortable={false} />
    </Datagrid>
  </List>
);
