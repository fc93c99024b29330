import Typography from '@mui/material/Typography';
import { useFieldValue, type FieldProps } from 'react-admin';
import { formatDate } from '../format';
import { useCircumstances } from './useCircumstances';

/** A circumstance code (ORPHAN_BOTH) by its name ("Trẻ em mồ côi cả cha và mẹ"). */
export const CircumstanceField = ({ source, record }: FieldProps) => {
  const code = useFieldValue({ source, record }) as string | null | undefined;
  const circumstances = useCircumstances();
  if (!code) return null;
  const name = circumstances?.find((circumstance) => circumstance.code === code)?.name ?? code;
  return (
    <Typography component="span" variant="body2">
      {name}
    </Typography>
  );
};

/** A birth date as dd/MM/yyyy, or the year alone when the server masks it. */
export const BirthDateField = ({ source, record }: FieldProps) => {
  const value = useFieldValue({ source, record }) as string | null | undefined;
  if (!value) return null;
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {/^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value}
    </Typography>
  );
};
