import { AutocompleteInput, DateInput, ReferenceInput, SelectInput, TextInput, required } from 'react-admin';
import { todayInVietnam } from '../format';
import { genderChoices } from './choices';
import { useCircumstanceChoices } from './useCircumstances';
import { validateAddress, validateBirthDate, validateFullName, validateGuardianName, validateNote, validatePhone, yearsBefore } from './validation';

/** Picks the commune a child lives in: only units of level COMMUNE (xã, phường, thị trấn), by name or code. */
export const ChildCommuneInput = () => (
  <ReferenceInput source="unitId" reference="AdministrativeUnit" filter={{ level: 'COMMUNE' }} sort={{ field: 'code', order: 'ASC' }}>
    <AutocompleteInput
      optionText="nameWithType"
      filterToQuery={(q: string) => ({ q })}
      validate={required()}
      helperText="soquy.children.commune_help"
      sx={{ minWidth: 360 }}
    />
  </ReferenceInput>
);

/** A child's inputs: who, born when (under 16), where, in which circumstance, and the guardian. */
export const ChildInputs = () => {
  const circumstanceChoices = useCircumstanceChoices();
  const today = todayInVietnam();
  return (
    <>
      <TextInput source="fullName" validate={validateFullName} sx={{ minWidth: 360 }} />
      <DateInput
        source="birthDate"
        validate={validateBirthDate}
        helperText="soquy.children.birth_date_help"
        slotProps={{ htmlInput: { min: yearsBefore(today, 16), max: today } }}
      />
      <SelectInput source="gender" choices={genderChoices} validate={required()} sx={{ minWidth: 180 }} />
      <ChildCommuneInput />
      <SelectInput source="circumstanceCode" choices={circumstanceChoices} translateChoice={false} validate={required()} sx={{ minWidth: 420 }} />
      <TextInput source="guardianName" validate={validateGuardianName} helperText="soquy.children.guardian_help" sx={{ minWidth: 360 }} />
      <TextInput source="guardianPhone" validate={validatePhone} sx={{ minWidth: 240 }} />
      <TextInput source="address" validate={validateAddress} sx={{ minWidth: 480 }} />
      <TextInput source="note" validate={validateNote} multiline minRows={2} sx={{ minWidth: 480 }} />
    </>
  );
};
