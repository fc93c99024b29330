import Chip from '@mui/material/Chip';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import type { AdministrativeUnit, UnitLevel } from '../types';

const colors: Record<UnitLevel, 'primary' | 'secondary' | 'default'> = {
  PROVINCE: 'primary',
  DISTRICT: 'secondary',
  COMMUNE: 'default',
};

/** The unit's level as a translated chip (Tỉnh / Huyện / Xã). */
export const UnitLevelField = (props: FieldProps<AdministrativeUnit>) => {
  const translate = useTranslate();
  const level = useFieldValue({ source: props.source ?? 'level', record: props.record }) as UnitLevel | undefined;
  if (!level) return null;
  return <Chip size="small" variant="outlined" color={colors[level]} label={translate(`soquy.unitLevel.${level}`, { _: level })} />;
};
