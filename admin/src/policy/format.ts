import { formatMoney } from '../format';
import type { PolicyRate } from './types';

/** A percentage as the locale writes it: "0,5%" in Vietnamese, "0.5%" in English. */
export function formatPercent(percent: number, locale: string): string {
  return `${new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 2 }).format(percent)}%`;
}

/** A rate's value by its unit: "60.000.000 ₫" or "70%". */
export function formatRateValue(rate: Pick<PolicyRate, 'unit' | 'amount' | 'percent'>, locale: string): string {
  if (rate.unit === 'PERCENT') return rate.percent === null ? '—' : formatPercent(rate.percent, locale);
  return rate.amount === null ? '—' : formatMoney(rate.amount);
}
