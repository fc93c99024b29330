import { AutocompleteInput, NumberInput, ReferenceInput, SelectInput, TextInput, required } from 'react-admin';
import { houseConditionChoices } from '../housing/choices';
import { useMeritCategoryChoices } from './useMeritCategories';
import { validateAddress, validateHouseholdSize, validateNationalId, validateNote, validatePersonName, validatePhone } from './validation';

/** Picks the commune a household lives in: only units of level COMMUNE (xã, phường, thị trấn), by name or code. */
export const CommuneInput = ({ source = 'unitId', alwaysOn: _alwaysOn }: { source?: string; alwaysOn?: boolean }) => (
  <ReferenceInput source={source} reference="AdministrativeUnit" filter={{ level: 'COMMUNE' }} sort={{ field: 'code', order: 'ASC' }}>
    <AutocompleteInput
      optionText="nameWithType"
      filterToQuery={(q: string) => ({ q })}
      validate={required()}
      helperText="soquy.households.commune_help"
      sx={{ minWidth: 360 }}
    />
  </ReferenceInput>
);

/** A household's inputs; the citizen ID is given once, at registration, and never changed. */
export const HouseholdInputs = ({ creating }: { creating: boolean }) => {
  const meritChoices = useMeritCategoryChoices();
  return (
    <>
      <TextInput source="personName" validate={validatePersonName} helperText="soquy.households.person_help" sx={{ minWidth: 360 }} />
      {creating ? (
        <TextInput
          source="nationalId"
          validate={validateNationalId}
          helperText="soquy.households.national_id_help"
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 12, autoComplete: 'off' } }}
          sx={{ minWidth: 240 }}
        />
      ) : (
        <TextInput source="nationalId" readOnly helperText="soquy.households.national_id_fixed" sx={{ minWidth: 240 }} />
      )}
      <SelectInput source="meritCategoryCode" choices={meritChoices} translateChoice={false} validate={required()} sx={{ minWidth: 360 }} />
      <CommuneInput />
      <TextInput source="address" validate={validateAddress} sx={{ minWidth: 480 }} />
      <NumberInput source="householdSize" validate={validateHouseholdSize} min={1} max={50} step={1} sx={{ width: 200 }} />
      <SelectInput source="houseCondition" choices={houseConditionChoices} validate={required()} sx={{ minWidth: 240 }} />
      <TextInput source="phone" validate={validatePhone} sx={{ minWidth: 240 }} />
      <TextInput source="note" validate={validateNote} multiline minRows={2} sx={{ minWidth: 480 }} />
    </>
  );
};
