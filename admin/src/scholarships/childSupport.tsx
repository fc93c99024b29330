import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { MouseEvent } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { AutocompleteInput, ReferenceInput, useGetList, usePermissions, useRecordContext, useTranslate, type Validator } from 'react-admin';
import { formatDate, formatMoney } from '../format';
import { ServerErrorAlert } from '../layout/ServerErrorAlert';
import { graphQLErrorsOf, serverErrorCode } from '../providers/errors';
import type { Fund, Permission } from '../types';
import type { ChildRecord } from './types';

/**
 * What the scholarship and surgery pages share: picking a child and the Child Protection Fund,
 * linking to a child, and explaining the server's refusals (the rule, its legal basis, the record
 * in the way) in the user's language.
 */

/** A child's name and birth date ("Phạm Minh Tâm, 05/05/2019"); the birth date may be a year only when masked. */
export function childOption(child: ChildRecord): string {
  let born = child.birthDate;
  try {
    born = /^\d{4}-\d{2}-\d{2}$/.test(child.birthDate) ? formatDate(child.birthDate) : child.birthDate;
  } catch {
    // keep it as it came
  }
  return born ? `${child.fullName}, ${born}` : child.fullName;
}

interface ChildReferenceInputProps {
  source: string;
  label?: string;
  validate?: Validator | Validator[];
  helperText?: string | false;
  /** Passed by react-admin's filter form. */
  alwaysOn?: boolean;
}

/**
 * Picks a child in the user's scope (under 16). Searching by name is for the roles that see names:
 * the others pick from the list as it comes, by their masked initials.
 */
export const ChildReferenceInput = ({ source, label, validate, helperText }: ChildReferenceInputProps) => {
  const { permissions } = usePermissions<Permission[]>();
  const maySearch = Array.isArray(permissions) && permissions.includes('ChildIdentityRead');
  return (
    <ReferenceInput source={source} reference="Child" sort={{ field: 'id', order: 'DESC' }} perPage={25}>
      <AutocompleteInput
        label={label}
        optionText={childOption}
        filterToQuery={(q: string) => (maySearch && q ? { q } : {})}
        validate={validate}
        helperText={helperText}
        sx={{ minWidth: 360 }}
      />
    </ReferenceInput>
  );
};

/** The child of a scholarship or case, as a link to the child's page (the name masked for some roles). */
export const ChildLinkField = ({ testId }: { label?: string; sortable?: boolean; source?: string; testId?: string }) => {
  const record = useRecordContext<{ id: string; childId: string; childName: string }>();
  if (!record) return null;
  return (
    <Link
      component={RouterLink}
      to={`/Child/${record.childId}/show`}
      onClick={(event: MouseEvent) => event.stopPropagation()}
      data-testid={testId}
      variant="body2"
    >
      {record.childName}
    </Link>
  );
};

/**
 * The Child Protection Fund (Quỹ Bảo trợ trẻ em) when the user's scope holds only one (the
 * province's): the form starts with it chosen. `isPending` while the funds load.
 */
export function useOnlyChildProtectionFund(): { fundId: string | undefined; isPending: boolean } {
  const { data: funds, total, isPending } = useGetList<Fund>('Fund', {
    filter: { kind: 'CHILD_PROTECTION' },
    pagination: { page: 1, perPage: 2 },
    sort: { field: 'id', order: 'ASC' },
  });
  return { fundId: total === 1 ? funds?.[0]?.id : undefined, isPending };
}

/** Picks a Child Protection Fund in the user's scope: the scholarship or the case is paid from it. */
export const ChildProtectionFundInput = ({ source = 'fundId', validate, helperText }: { source?: string; validate?: Validator | Validator[]; helperText?: string }) => (
  <ReferenceInput source={source} reference="Fund" filter={{ kind: 'CHILD_PROTECTION' }} sort={{ field: 'id', order: 'ASC' }}>
    <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} validate={validate} helperText={helperText} sx={{ minWidth: 360 }} />
  </ReferenceInput>
);

/** Rules recognised from the server's message when it names none in `extensions.rule`. */
const messageRules: readonly [RegExp, string][] = [
  [/funding lines add up to/i, 'LINES_TOTAL'],
  [/support comes from the case's fund/i, 'FUND_LINE'],
  [/comes before the case's previous step/i, 'STEP_DATE'],
  [/is in the future/i, 'DATE_IN_FUTURE'],
  [/reason to cancel/i, 'CANCEL_REASON'],
  [/two consecutive years|looks like 2025-2026/i, 'SCHOOL_YEAR'],
  [/is not a Child Protection Fund/i, 'FUND_KIND'],
  [/at least one funding line/i, 'NO_FUNDING_LINE'],
  [/appears twice/i, 'FUND_TWICE'],
  [/already has a scholarship/i, 'ONE_PER_YEAR'],
];

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : '';
}

/** The rule behind a refusal: the server's `extensions.rule`, or one recognised from its message. */
export function refusalRuleOf(error: unknown): string | undefined {
  const rule = graphQLErrorsOf(error)[0]?.extensions?.rule;
  if (typeof rule === 'string') return rule;
  const message = messageOf(error);
  return messageRules.find(([pattern]) => pattern.test(message))?.[1];
}

type Prefix = 'soquy.scholarships' | 'soquy.surgery';

/** The link of a CONFLICT to the record in the way (`extensions.existingId`). */
function existingIdOf(error: unknown): string | undefined {
  const id = graphQLErrorsOf(error)[0]?.extensions?.existingId;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

interface SupportRefusalAlertProps {
  /** What failed: "Chưa phê duyệt được hỗ trợ"… */
  title: string;
  error: unknown;
  /** Where the rules are explained: `soquy.scholarships` or `soquy.surgery` (`<prefix>.rule.<RULE>`). */
  prefix: Prefix;
  /** The resource a CONFLICT's existing record is shown in. */
  resource?: string;
}

/**
 * A refusal of the server in the user's language: the meaning of its code, the rule (its code and
 * what it says), the limit and the legal basis of a POLICY_LIMIT, the record in the way of a
 * CONFLICT, then the server's own words.
 */
export const SupportRefusalAlert = ({ title, error, prefix, resource }: SupportRefusalAlertProps) => {
  const translate = useTranslate();
  const code = serverErrorCode(error);
  if (!code || !['POLICY_LIMIT', 'CONFLICT', 'BAD_USER_INPUT', 'INVALID_TRANSITION'].includes(code)) return <ServerErrorAlert title={title} error={error} />;
  const rule = refusalRuleOf(error);
  const extensions = graphQLErrorsOf(error)[0]?.extensions ?? {};
  const basis = typeof extensions.basis === 'string' ? extensions.basis : undefined;
  const limit = typeof extensions.limit === 'number' ? extensions.limit : undefined;
  const explained = rule ? translate(`${prefix}.rule.${rule}`, { _: '' }) : '';
  const existingId = code === 'CONFLICT' ? existingIdOf(error) : undefined;
  const message = messageOf(error);
  return (
    <Alert severity="error" role="alert" sx={{ mt: 2 }} data-testid="support-refusal">
      <AlertTitle>{title}</AlertTitle>
      <Typography variant="body2" component="div">
        {translate(`soquy.errors.${code}`)}
      </Typography>
      {explained && (
        <Typography variant="body2" component="div" sx={{ fontWeight: 500 }} data-testid="support-refusal-rule">
          {code === 'POLICY_LIMIT' && rule ? `${translate(`${prefix}.refusal_rule`, { rule })} ` : ''}
          {explained}
          {limit !== undefined && code === 'POLICY_LIMIT' ? ` ${translate(`${prefix}.refusal_limit`, { limit: formatMoney(limit) })}` : ''}
        </Typography>
      )}
      {basis && (
        <Typography variant="body2" component="div" data-testid="support-refusal-basis">
          {translate(`${prefix}.refusal_basis`, { basis })}
        </Typography>
      )}
      {existingId && resource && (
        <Typography variant="body2" component="div">
          <Link component={RouterLink} to={`/${resource}/${existingId}/show`}>
            {translate(`${prefix}.refusal_existing`, { id: existingId })}
          </Link>
        </Typography>
      )}
      {message && (
        <Typography variant="caption" component="div" color="text.secondary" sx={{ mt: 1 }}>
          {message}
        </Typography>
      )}
    </Alert>
  );
};
