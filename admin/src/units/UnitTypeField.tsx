import Typography from '@mui/material/Typography';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import type { AdministrativeUnit } from '../types';

/** The kind of unit (tinh, thi-tran…) in words: Tỉnh, Thị trấn… */
export const UnitTypeField = (props: FieldProps<AdministrativeUnit>) => {
  const translate = useTranslate();
  const type = useFieldValue({ source: props.source ?? 'type', record: props.record }) as string | undefined;
  if (!type) return null;
  return (
    <Typography component="span" variant="body2">
      {translate(`soquy.unitType.${type}`, { _: type })}
    </Typography>
  );
};
