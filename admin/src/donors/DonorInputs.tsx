import Typography from '@mui/material/Typography';
import { RadioButtonGroupInput, TextInput, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { donorTypeChoices } from './choices';
import { parseCode, validateAddress, validateDonorName, validateIdNumber, validatePhone, validateTaxCode } from './validation';

/** The inputs of a donor, for create and edit; an anonymous donor has no identifying details. */
export const DonorInputs = () => {
  const translate = useTranslate();
  const type = useWatch({ name: 'type' }) as string | undefined;
  return (
    <>
      <RadioButtonGroupInput source="type" choices={donorTypeChoices} />
      {type === 'ANONYMOUS' ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('soquy.donors.anonymous_help')}
        </Typography>
      ) : (
        <>
          <TextInput source="name" validate={validateDonorName} sx={{ minWidth: 360 }} />
          <TextInput source="taxCode" validate={validateTaxCode} parse={parseCode} helperText="soquy.donors.tax_code_help" />
          <TextInput source="idNumber" validate={validateIdNumber} parse={parseCode} helperText="soquy.donors.id_number_help" />
          <TextInput source="phone" type="tel" validate={validatePhone} />
          <TextInput source="address" validate={validateAddress} multiline sx={{ minWidth: 360 }} />
        </>
      )}
    </>
  );
};
