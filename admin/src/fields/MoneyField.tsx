import type { FieldProps } from 'react-admin';
import { formatMoney } from '../format';
import { FormattedField } from './FormattedField';

/** An amount in whole đồng, as "1.500.000 ₫". Put `textAlign="right"` on it in a Datagrid. */
export const MoneyField = (props: FieldProps) => <FormattedField {...props} format={formatMoney} />;
