import type { SxProps, Theme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

export interface FormattedFieldProps extends FieldProps {
  /** Turns the raw value into text; may throw a RangeError on a value it does not understand. */
  format: (value: string) => string;
  sx?: SxProps<Theme>;
}

/**
 * A read-only field showing its value through a pure formatter (see format.ts). A value the
 * formatter refuses is shown as it is rather than breaking the page.
 */
export const FormattedField = ({ format, emptyText, className, sx, source, record }: FormattedFieldProps) => {
  const translate = useTranslate();
  const value: unknown = useFieldValue({ source, record });
  let text: string;
  if (value === null || value === undefined || value === '') {
    text = emptyText ? translate(emptyText, { _: emptyText }) : '';
  } else {
    try {
      text = format(String(value));
    } catch {
      text = String(value);
    }
  }
  return (
    <Typography component="span" variant="body2" className={className} sx={sx}>
      {text}
    </Typography>
  );
};
