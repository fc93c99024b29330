export { AmountFigure } from './AmountFigure';
export { DateTimeField } from './DateTimeField';
export { EnumChipField } from './EnumChipField';
export { FormattedField } from './FormattedField';
export { LocalDateField } from './LocalDateField';
export { MoneyField } from './MoneyField';
