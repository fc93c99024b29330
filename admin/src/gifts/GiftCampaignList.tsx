import { CreateButton, Datagrid, List, NumberField, ReferenceField, TextField, TopToolbar, useCanAccess } from 'react-admin';
import { EnumChipField, LocalDateField, MoneyField } from '../fields';

const GiftCampaignListActions = () => {
  const { canAccess } = useCanAccess({ resource: 'GiftCampaign', action: 'create' });
  return <TopToolbar>{canAccess && <CreateButton label="soquy.gifts.create" />}</TopToolbar>;
};

/**
 * Gift campaigns of the funds in the user's scope, newest gift date first (the API gives them all,
 * at most 500, in that order: no paging nor sorting here), with their figures.
 */
export const GiftCampaignList = () => (
  <List sort={{ field: 'giftDate', order: 'DESC' }} actions={<GiftCampaignListActions />} exporter={false} empty={false}>
    <Datagrid rowClick="show" bulkActionButtons={false} data-testid="gift-campaigns" sx={{ '& .column-giftDate, & .column-amountPerChild': { whiteSpace: 'nowrap' } }}>
      <TextField source="name" sortable={false} />
      <EnumChipField source="occasion" prefix="soquy.gifts.occasion" sortable={false} />
      <LocalDateField source="giftDate" sortable={false} />
      <EnumChipField source="form" prefix="soquy.gifts.form" sortable={false} />
      <MoneyField source="amountPerChild" textAlign="right" sortable={false} />
      <ReferenceField source="fundId" reference="Fund" link={false} sortable={false} />
      <NumberField source="figures.recipients" sortable={false} />
      <NumberField source="figures.handedOver" sortable={false} />
      <NumberField source="figures.returned" sortable={false} />
    </Datagrid>
  </List>
);
