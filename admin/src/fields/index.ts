export { DateTimeField } from './DateTimeField';
export { FormattedField } from './FormattedField';
export { LocalDateField } from './LocalDateField';
export { MoneyField } from './MoneyField';
