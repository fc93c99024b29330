import { AutocompleteInput, ReferenceInput, type Validator } from 'react-admin';
import type { Donor } from '../types';

interface DonorReferenceInputProps {
  source: string;
  label?: string;
  validate?: Validator | Validator[];
  helperText?: string | false;
  /** Passed by react-admin's filter form. */
  alwaysOn?: boolean;
}

/** A donor as the autocomplete shows it: the name, with the tax code or ID number that tells namesakes apart. */
export const donorOptionText = (donor: Donor | undefined): string => {
  if (!donor) return '';
  const code = donor.taxCode ?? donor.idNumber;
  return code ? `${donor.name} (${code})` : donor.name;
};

/** Picks a donor within the user's scope, searching the name, tax code or ID number, with or without diacritics. */
export const DonorReferenceInput = ({ source, label, validate, helperText }: DonorReferenceInputProps) => (
  <ReferenceInput source={source} reference="Donor" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput
      label={label}
      optionText={donorOptionText}
      filterToQuery={(q: string) => ({ q })}
      validate={validate}
      helperText={helperText}
      sx={{ minWidth: 360 }}
    />
  </ReferenceInput>
);
