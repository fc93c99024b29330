import { Datagrid, DateInput, List, ReferenceField, SearchInput, TextField } from 'react-admin';
import { LocalDateField, MoneyField } from '../fields';
import { FundReferenceInput } from '../funds/FundReferenceInput';
import { CampaignOverdueField } from './CampaignOverdueField';
import { CampaignProgressField } from './CampaignProgressField';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <FundReferenceInput key="fundId" source="fundId" />,
  <DateInput key="activeOn" source="activeOn" />,
];

/** Fund-raising drives of the funds in scope, newest first, with their progress toward the target. */
export const CampaignList = () => (
  <List sort={{ field: 'startsOn', order: 'DESC' }} perPage={25} filters={filters} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <ReferenceField source="fundId" reference="Fund" link={false} />
      <LocalDateField source="startsOn" />
      <LocalDateField source="endsOn" />
      <CampaignProgressField source="progressPercent" sortable={false} />
      <MoneyField source="pledged" textAlign="right" sortable={false} />
      <CampaignOverdueField source="overduePledges" sortable={false} />
    </Datagrid>
  </List>
);
