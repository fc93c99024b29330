import { AutocompleteInput, ReferenceInput, type Validator } from 'react-admin';

interface FundReferenceInputProps {
  source: string;
  label?: string;
  validate?: Validator | Validator[];
  readOnly?: boolean;
  helperText?: string | false;
  /** Passed by react-admin's filter form. */
  alwaysOn?: boolean;
}

/** Picks a fund within the user's scope, searching by the fund's or its unit's name, with or without diacritics. */
export const FundReferenceInput = ({ source, label, validate, readOnly, helperText }: FundReferenceInputProps) => (
  <ReferenceInput source={source} reference="Fund" sort={{ field: 'id', order: 'ASC' }}>
    <AutocompleteInput
      label={label}
      optionText="name"
      filterToQuery={(q: string) => ({ q })}
      validate={validate}
      readOnly={readOnly}
      helperText={helperText}
      sx={{ minWidth: 360 }}
    />
  </ReferenceInput>
);
