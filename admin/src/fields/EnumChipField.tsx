import Chip, { type ChipProps } from '@mui/material/Chip';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

export interface EnumChipFieldProps extends FieldProps {
  /** Translation prefix of the values: `soquy.fundKind` shows GRATITUDE as `soquy.fundKind.GRATITUDE`. */
  prefix: string;
  /** A colour per value; values not listed get the default grey. */
  colors?: Readonly<Record<string, ChipProps['color']>>;
  variant?: ChipProps['variant'];
}

/**
 * A GraphQL enum value as a small translated chip (Quỹ Đền ơn đáp nghĩa, Tiền mặt, Đã huỷ…). A value
 * with no translation yet (the API may add one) is shown as it is.
 */
export const EnumChipField = ({ prefix, colors, variant = 'outlined', source, record, emptyText }: EnumChipFieldProps) => {
  const translate = useTranslate();
  const value = useFieldValue({ source, record }) as string | null | undefined;
  if (value === null || value === undefined || value === '') {
    return emptyText ? <span>{translate(emptyText, { _: emptyText })}</span> : null;
  }
  return <Chip size="small" variant={variant} color={colors?.[value] ?? 'default'} label={translate(`${prefix}.${value}`, { _: value })} />;
};
