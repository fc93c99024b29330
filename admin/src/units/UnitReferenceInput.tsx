import { AutocompleteInput, ReferenceInput, type Validator } from 'react-admin';

interface UnitReferenceInputProps {
  source: string;
  label?: string;
  validate?: Validator | Validator[];
}

/** Picks an administrative unit among those the user may see, searching by name or code (with or without diacritics). */
export const UnitReferenceInput = ({ source, label, validate }: UnitReferenceInputProps) => (
  <ReferenceInput source={source} reference="AdministrativeUnit" sort={{ field: 'code', order: 'ASC' }}>
    <AutocompleteInput
      label={label}
      optionText="nameWithType"
      filterToQuery={(q: string) => ({ q })}
      validate={validate}
      sx={{ minWidth: 280 }}
    />
  </ReferenceInput>
);
