import { DateInput, TextInput, required } from 'react-admin';
import { FundReferenceInput } from '../funds/FundReferenceInput';
import { MoneyInput } from '../inputs/MoneyInput';
import { validateCampaignName, validateEndsOn, validateTarget } from './validation';

/** A campaign's inputs; its fund is chosen once, at creation. */
export const CampaignInputs = ({ fundReadOnly = false }: { fundReadOnly?: boolean }) => (
  <>
    <FundReferenceInput source="fundId" validate={required()} readOnly={fundReadOnly} />
    <TextInput source="name" validate={validateCampaignName} sx={{ minWidth: 360 }} />
    <DateInput source="startsOn" validate={required()} />
    <DateInput source="endsOn" validate={validateEndsOn} />
    <MoneyInput source="target" validate={validateTarget} sx={{ minWidth: 240 }} />
  </>
);
