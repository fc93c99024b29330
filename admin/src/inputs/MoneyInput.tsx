import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import type { SxProps, Theme } from '@mui/material/styles';
import { useLayoutEffect, useRef, type ChangeEvent } from 'react';
import { FieldTitle, InputHelperText, useInput, type Validator } from 'react-admin';
import { formatWholeNumber } from '../format';

export interface MoneyInputProps {
  source: string;
  label?: string | false;
  validate?: Validator | Validator[];
  helperText?: string | false;
  defaultValue?: number;
  fullWidth?: boolean;
  autoFocus?: boolean;
  sx?: SxProps<Theme>;
  /** Passed by react-admin's filter form; ignored. */
  alwaysOn?: boolean;
}

/** Digits in a safe integer of đồng at most (9.007.199.254.740.991 has 16; 15 are always safe). */
const MAX_DIGITS = 15;

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/**
 * An amount in whole đồng, grouped with dots as it is typed ("1.500.000 ₫"), kept in the form as a
 * number (or null when empty). Anything but digits is ignored, so "1.500.000" may be typed or
 * pasted as printed; the caret stays after the digit it was after while the dots move around it.
 */
export const MoneyInput = ({ source, label, validate, helperText, defaultValue, fullWidth, autoFocus, sx }: MoneyInputProps) => {
  const { field, fieldState, id, isRequired } = useInput({ source, validate, defaultValue });
  const inputRef = useRef<HTMLInputElement | null>(null);
  /** How many digits lie before the caret after the last keystroke, to put it back after re-grouping. */
  const caretDigits = useRef<number | null>(null);
  const value: unknown = field.value;
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? formatWholeNumber(value) : typeof value === 'string' ? value : '';

  useLayoutEffect(() => {
    const input = inputRef.current;
    const wanted = caretDigits.current;
    if (!input || wanted === null || document.activeElement !== input) return;
    caretDigits.current = null;
    let position = 0;
    for (let seen = 0; position < text.length && seen < wanted; position += 1) if (/\d/.test(text[position] ?? '')) seen += 1;
    input.setSelectionRange(position, position);
  });

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const raw = event.target.value;
    const caret = event.target.selectionStart ?? raw.length;
    const typed = digitsOf(raw);
    const digits = typed.replace(/^0+(?=\d)/, '');
    if (digits.length > MAX_DIGITS) return;
    caretDigits.current = Math.max(0, digitsOf(raw.slice(0, caret)).length - (typed.length - digits.length));
    field.onChange(digits === '' ? null : Number(digits));
  };

  const error = fieldState.invalid ? fieldState.error?.message : undefined;
  return (
    <TextField
      id={id}
      name={field.name}
      inputRef={(element: HTMLInputElement | null) => {
        inputRef.current = element;
        field.ref(element);
      }}
      value={text}
      onChange={onChange}
      onBlur={field.onBlur}
      label={label === false ? undefined : <FieldTitle label={label} source={source} isRequired={isRequired} />}
      error={fieldState.invalid}
      helperText={helperText === false && !error ? null : <InputHelperText error={error} helperText={helperText} />}
      fullWidth={fullWidth}
      autoFocus={autoFocus}
      className={`ra-input ra-input-${source}`}
      sx={sx}
      slotProps={{
        htmlInput: { inputMode: 'numeric', autoComplete: 'off' },
        input: { endAdornment: <InputAdornment position="end">₫</InputAdornment> },
      }}
    />
  );
};
