import Typography from '@mui/material/Typography';
import {
  CreateButton,
  Datagrid,
  EditButton,
  ListButton,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  NumberField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateTimeField, EnumChipField, LocalDateField, MoneyField } from '../fields';
import { houseConditionColors, housingGrantStatusColors } from '../housing/choices';
import type { BeneficiaryHousehold } from '../housing/types';
import { MeritCategoryField } from './MeritCategoryField';

/** "Đề nghị hỗ trợ nhà ở" for this household: the application form with the household chosen. */
const ApplyGrantButton = () => {
  const household = useRecordContext<BeneficiaryHousehold>();
  if (!household) return null;
  return <CreateButton resource="HousingGrant" label="soquy.households.apply_grant" state={{ record: { householdId: household.id } }} />;
};

const HouseholdShowActions = () => (
  <TopToolbar>
    <ListButton />
    <EditButton />
    <ApplyGrantButton />
  </TopToolbar>
);

const Heading = ({ message }: { message: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="h6" component="h2" sx={{ px: 2, pt: 2 }}>
      {translate(message)}
    </Typography>
  );
};

const Empty = ({ message }: { message: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1 }}>
      {translate(message)}
    </Typography>
  );
};

/** A household: the person, their category and commune, the house; its housing grants with their status. */
export const HouseholdShow = () => (
  <Show actions={<HouseholdShowActions />}>
    <SimpleShowLayout>
      <TextField source="personName" />
      <TextField source="nationalId" />
      <MeritCategoryField source="meritCategoryCode" />
      <ReferenceField source="unitId" reference="AdministrativeUnit" link="show" />
      <TextField source="address" />
      <NumberField source="householdSize" />
      <EnumChipField source="houseCondition" prefix="soquy.households.condition" colors={houseConditionColors} />
      <TextField source="phone" emptyText="—" />
      <TextField source="note" emptyText="—" />
      <DateTimeField source="createdAt" />
    </SimpleShowLayout>
    <Heading message="soquy.households.grants" />
    <ReferenceManyField reference="HousingGrant" target="householdId" sort={{ field: 'appliedOn', order: 'DESC' }} perPage={10} pagination={<Pagination rowsPerPageOptions={[10, 25]} />}>
      <Datagrid rowClick="show" bulkActionButtons={false} resource="HousingGrant" empty={<Empty message="soquy.households.no_grants" />} data-testid="household-grants">
        <EnumChipField source="type" prefix="soquy.housing.type" />
        <EnumChipField source="program" prefix="soquy.housing.program" />
        <EnumChipField source="status" prefix="soquy.housing.status" colors={housingGrantStatusColors} variant="filled" />
        <LocalDateField source="appliedOn" />
        <MoneyField source="amount" textAlign="right" emptyText="—" />
        <MoneyField source="paidAmount" textAlign="right" sortable={false} />
      </Datagrid>
    </ReferenceManyField>
  </Show>
);
