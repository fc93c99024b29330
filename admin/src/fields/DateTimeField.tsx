import type { FieldProps } from 'react-admin';
import { formatDateTime } from '../format';
import { FormattedField } from './FormattedField';

/** An instant (GraphQL `DateTimeISO`) as "dd/MM/yyyy HH:mm" in Vietnam's time zone. */
export const DateTimeField = (props: FieldProps) => <FormattedField {...props} format={formatDateTime} />;
