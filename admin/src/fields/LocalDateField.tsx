import type { FieldProps } from 'react-admin';
import { formatDate } from '../format';
import { FormattedField } from './FormattedField';

/** A calendar day (GraphQL `LocalDate`, "2025-07-01") as "01/07/2025", never shifted by a time zone. */
export const LocalDateField = (props: FieldProps) => <FormattedField {...props} format={formatDate} />;
