import { AutocompleteInput, Create, DateInput, ReferenceInput, SimpleForm, TextInput, maxLength, required, type RaRecord } from 'react-admin';
import { DonorReferenceInput } from '../donors/DonorReferenceInput';
import { MoneyInput } from '../inputs/MoneyInput';
import { positiveAmount } from '../donations/validation';

/** Back to the campaign the pledge was made to. */
const toCampaign = (_resource?: string, _id?: unknown, data?: Partial<RaRecord>) =>
  data?.campaignId ? `/Campaign/${String(data.campaignId)}/show` : '/Campaign';

/** A pledge (đăng ký ủng hộ), usually opened from its campaign's page: a donor promises an amount by a date. */
export const PledgeCreate = () => (
  <Create mutationMode="pessimistic" redirect={toCampaign}>
    <SimpleForm sx={{ maxWidth: 720 }} noValidate>
      <ReferenceInput source="campaignId" reference="Campaign" sort={{ field: 'startsOn', order: 'DESC' }}>
        <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} validate={required()} sx={{ minWidth: 360 }} />
      </ReferenceInput>
      <DonorReferenceInput source="donorId" validate={required()} helperText="soquy.donations.donor_help" />
      <MoneyInput source="amount" validate={[required(), positiveAmount]} sx={{ minWidth: 240 }} />
      <DateInput source="dueOn" validate={required()} />
      <TextInput source="note" validate={maxLength(500)} multiline sx={{ minWidth: 360 }} />
    </SimpleForm>
  </Create>
);
