import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, Observable, gql } from '@apollo/client';
import buildGraphQLProvider from 'ra-data-graphql-simple';
import { HttpError, type CreateParams, type CreateResult, type DataProvider, type Identifier, type RaRecord } from 'react-admin';
import type { AdministrativeUnit, Disbursement, Donation, DonorCreated, Fund, LedgerVerification, User } from '../types';
import { buildQuery } from './buildQuery';
import { graphQLErrorsOf, toHttpError } from './errors';
import { introspectionSchema } from './introspection';
import { currentSession } from './session';

/** react-admin's methods plus the API's named verbs the console uses. */
export interface SoQuyDataProvider extends DataProvider {
  /** The units above one, from the top down, as far as the user's scope reaches. */
  getUnitAncestors(id: Identifier): Promise<{ data: AdministrativeUnit[] }>;
  /** Sets a new password; the server ends the user's sessions. */
  resetUserPassword(id: Identifier, password: string): Promise<{ data: User }>;
  /** Closes a fund's books up to and including a day (khoá sổ); a lock only moves forward. */
  lockFundPeriod(id: Identifier, until: string): Promise<{ data: Fund }>;
  /** Recomputes a fund's hash chain and balances: ok, or the first transaction that does not match. */
  verifyLedger(fundId: Identifier): Promise<{ data: LedgerVerification }>;
  /** Voids a donation by a reversing entry with a reason (huỷ phiếu thu). */
  voidDonation(id: Identifier, reason: string): Promise<{ data: Donation }>;
  /** How many donations match a filter of the donation list, and the sum of their amounts. */
  getDonationTotals(filter: Record<string, unknown>): Promise<{ data: { count: number; totalAmount: number } }>;
  /** How many disbursements match a filter of the disbursement list, and the sum of their amounts. */
  getDisbursementTotals(filter: Record<string, unknown>): Promise<{ data: { count: number; totalAmount: number } }>;
  /** One step of a disbursement's workflow (gửi duyệt, duyệt, từ chối, chi tiền, huỷ); the server checks who may. */
  disbursementAction(action: DisbursementAction, id: Identifier, args?: { reason?: string; paidOn?: string }): Promise<{ data: Disbursement }>;
  /**
   * Downloads the server's export of the disbursements matching a list filter (CSV or XLSX), with
   * the file name the server gives; resolves to that name.
   */
  exportDisbursements(format: 'csv' | 'xlsx', filter: Record<string, unknown>): Promise<{ data: { fileName: string; size: number } }>;
  /**
   * Any other query or mutation of the API (the programs' named verbs: applyHousingGrant,
   * housingReport…), with the same errors as every other method. Queries are never cached.
   */
  request<T = Record<string, unknown>>(document: string, variables?: Record<string, unknown>): Promise<T>;
  /**
   * Downloads a server export, GET /export/<name>.<format>?<params> (e.g. housing-report with
   * groupBy and filter), with the file name the server gives; resolves to that name.
   */
  downloadExport(name: string, format: 'csv' | 'xlsx' | 'pdf', params: Record<string, string>): Promise<{ data: { fileName: string; size: number } }>;
  /**
   * Sends a bank statement (CSV) to POST /import/donations/preview|commit?fundId=…: the validation
   * report, or the result of the import (see donations/DonationImport.tsx).
   */
  importDonations(step: 'preview' | 'commit', fundId: string, file: Blob): Promise<DonationImportReport>;
}

/** The server's answer to an import of a bank statement (api/src/modules/donations/donation.import.ts). */
export interface DonationImportReport {
  fundId: string;
  fundName: string;
  header: boolean;
  rows: number;
  ok: number;
  okAmount: number;
  alreadyImported: number;
  errorCount: number;
  errorsByCode: Record<string, number>;
  errors: { line: number; reference: string | null; code: string; message: string }[];
  fileSha256: string;
  committed: boolean;
  firstReceipt: string | null;
  lastReceipt: string | null;
}

export type DisbursementAction = 'submit' | 'approve' | 'reject' | 'pay' | 'cancel';

/** Adds `Authorization: Bearer <token>` from the stored session to every request. */
const authLink = new ApolloLink((operation, forward) => {
  const token = currentSession()?.token;
  if (token) {
    operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
      headers: { ...headers, authorization: `Bearer ${token}` },
    }));
  }
  return forward(operation);
});

/**
 * Apollo Client takes a non-2xx answer for a network failure, and ra-data-graphql then keeps only
 * "Response not successful: Received status code 400". Apollo Server answers a bad request (an
 * invalid argument, say) with 400 and GraphQL errors holding the real message and code: pass those
 * on as GraphQL errors. Answers without GraphQL errors (a proxy's 502…) stay network errors.
 */
const serverErrorsLink = new ApolloLink(
  (operation, forward) =>
    new Observable((observer) => {
      const subscription = forward(operation).subscribe({
        next: (result) => observer.next(result),
        error: (error: unknown) => {
          const errors = graphQLErrorsOf(error);
          if (errors.length === 0) {
            observer.error(error);
            return;
          }
          observer.next({ errors });
          observer.complete();
        },
        complete: () => observer.complete(),
      });
      return () => subscription.unsubscribe();
    }),
);

const client = new ApolloClient({
  link: ApolloLink.from([authLink, serverErrorsLink, new HttpLink({ uri: '/graphql' })]),
  cache: new InMemoryCache(),
  defaultOptions: { query: { fetchPolicy: 'network-only' } },
});

const unitFields = 'id code name nameWithType level type parentId validFrom validTo';
const userFields = 'id email fullName role unitId active lastLoginAt createdAt updatedAt';

const ANCESTORS = gql`
  query AdministrativeUnitAncestors($id: ID!) {
    administrativeUnitAncestors(id: $id) { ${unitFields} }
  }
`;

const fundFields = 'id name kind unitId balance freeBalance earmarked { purpose amount } inKindHeld receiptsThisYear lockedUntil';
const donationFields = `id fundId receiptNumber receivedOn donorId donorName amount amountInWords method inKindDescription earmark
  campaignId pledgeId note status voidReason voidedAt createdAt`;
const donorFields = 'id type name taxCode idNumber phone address unitId createdAt';

/** `createDonor` answers a `DonorCreated` with a warning, which the generic create would not ask for. */
const donorArguments = ['type', 'name', 'taxCode', 'idNumber', 'phone', 'address', 'unitId'] as const;

const CREATE_DONOR = gql`
  mutation CreateDonor($type: DonorType!, $name: String!, $taxCode: String, $idNumber: String, $phone: String, $address: String, $unitId: ID) {
    createDonor(type: $type, name: $name, taxCode: $taxCode, idNumber: $idNumber, phone: $phone, address: $address, unitId: $unitId) {
      ${donorFields} warning
    }
  }
`;

const LOCK_FUND_PERIOD = gql`
  mutation LockFundPeriod($id: ID!, $until: LocalDate!) {
    lockFundPeriod(id: $id, until: $until) { ${fundFields} }
  }
`;

const VERIFY_LEDGER = gql`
  query VerifyLedger($fundId: ID!) {
    verifyLedger(fundId: $fundId) { fundId ok accountsChecked transactionsChecked firstMismatch { reason seq transactionId } }
  }
`;

const VOID_DONATION = gql`
  mutation VoidDonation($id: ID!, $reason: String!) {
    voidDonation(id: $id, reason: $reason) { ${donationFields} }
  }
`;

const DONATION_TOTALS = gql`
  query DonationTotals($filter: DonationFilter) {
    _allDonationsMeta(filter: $filter) { count totalAmount }
  }
`;

const disbursementFields = `id fundId voucherNumber amount amountInWords category payeeName payeeIdNumber payeeAddress payeeBankAccount
  purpose projectType projectId documents targetFundId status createdAt createdById createdByName approvedById approvedByName paidByName
  submittedAt approvedAt closedAt paidOn reason permissions { canSubmit canApprove canReject canPay canCancel } flags`;

const DISBURSEMENT_TOTALS = gql`
  query DisbursementTotals($filter: DisbursementFilter) {
    _allDisbursementsMeta(filter: $filter) { count totalAmount }
  }
`;

const DISBURSEMENT_ACTIONS: Record<DisbursementAction, { mutation: ReturnType<typeof gql>; field: string }> = {
  submit: {
    field: 'submitDisbursement',
    mutation: gql`mutation SubmitDisbursement($id: ID!) { submitDisbursement(id: $id) { ${disbursementFields} } }`,
  },
  approve: {
    field: 'approveDisbursement',
    mutation: gql`mutation ApproveDisbursement($id: ID!) { approveDisbursement(id: $id) { ${disbursementFields} } }`,
  },
  reject: {
    field: 'rejectDisbursement',
    mutation: gql`mutation RejectDisbursement($id: ID!, $reason: String!) { rejectDisbursement(id: $id, reason: $reason) { ${disbursementFields} } }`,
  },
  pay: {
    field: 'payDisbursement',
    mutation: gql`mutation PayDisbursement($id: ID!, $paidOn: LocalDate!) { payDisbursement(id: $id, paidOn: $paidOn) { ${disbursementFields} } }`,
  },
  cancel: {
    field: 'cancelDisbursement',
    mutation: gql`mutation CancelDisbursement($id: ID!, $reason: String!) { cancelDisbursement(id: $id, reason: $reason) { ${disbursementFields} } }`,
  },
};

/** The file name of a download, from `Content-Disposition` (RFC 6266: `filename*=UTF-8''…` first). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(disposition);
  const name = plain?.[2] ?? plain?.[1];
  return name ? name.trim() : fallback;
}

/** Saves a blob as a file through a temporary link, as a browser download. */
function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Chromium reads the blob after the click returns: revoke it once the download has started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A list filter as the API takes it: without the empty values react-admin's filter form may leave. */
function definedValues(filter: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)));
}

/** The export's answer when it is an error: `{errors:[{message, extensions:{code}}]}`. */
async function exportError(response: Response): Promise<HttpError> {
  let message = `HTTP ${response.status}`;
  let code: string | undefined;
  try {
    const body = (await response.json()) as { errors?: { message?: string; extensions?: { code?: string } }[] };
    message = body.errors?.[0]?.message ?? message;
    code = body.errors?.[0]?.extensions?.code;
  } catch {
    // not JSON: keep the status
  }
  return new HttpError(message, response.status, { code });
}

const RESET_PASSWORD = gql`
  mutation ResetUserPassword($id: ID!, $password: String!) {
    resetUserPassword(id: $id, password: $password) { ${userFields} }
  }
`;

const graphQLProvider = buildGraphQLProvider({ client, buildQuery, introspection: { schema: introspectionSchema } });

const provider: SoQuyDataProvider = {
  ...graphQLProvider,
  async create<RecordType extends Omit<RaRecord, 'id'> = Omit<RaRecord, 'id'>, ResultRecordType extends RaRecord = RecordType & { id: Identifier }>(
    resource: string,
    params: CreateParams<RecordType>,
  ): Promise<CreateResult<ResultRecordType>> {
    if (resource !== 'Donor') return graphQLProvider.create<RecordType, ResultRecordType>(resource, params);
    const data = params.data as Record<string, unknown>;
    const variables = Object.fromEntries(donorArguments.map((name) => [name, data[name] === '' ? null : (data[name] ?? null)]));
    const result = await client.mutate<{ createDonor: DonorCreated }>({ mutation: CREATE_DONOR, variables });
    if (!result.data) throw new Error('ra.notification.http_error');
    return { data: result.data.createDonor as unknown as ResultRecordType };
  },
  async getUnitAncestors(id) {
    const { data } = await client.query<{ administrativeUnitAncestors: AdministrativeUnit[] }>({
      query: ANCESTORS,
      variables: { id: String(id) },
    });
    return { data: data.administrativeUnitAncestors };
  },
  async resetUserPassword(id, password) {
    const result = await client.mutate<{ resetUserPassword: User }>({
      mutation: RESET_PASSWORD,
      variables: { id: String(id), password },
    });
    if (!result.data) throw new Error('ra.notification.http_error');
    return { data: result.data.resetUserPassword };
  },
  async lockFundPeriod(id, until) {
    const result = await client.mutate<{ lockFundPeriod: Fund }>({ mutation: LOCK_FUND_PERIOD, variables: { id: String(id), until } });
    if (!result.data) throw new Error('ra.notification.http_error');
    return { data: result.data.lockFundPeriod };
  },
  async verifyLedger(fundId) {
    const { data } = await client.query<{ verifyLedger: LedgerVerification }>({ query: VERIFY_LEDGER, variables: { fundId: String(fundId) } });
    return { data: data.verifyLedger };
  },
  async voidDonation(id, reason) {
    const result = await client.mutate<{ voidDonation: Donation }>({ mutation: VOID_DONATION, variables: { id: String(id), reason } });
    if (!result.data) throw new Error('ra.notification.http_error');
    return { data: result.data.voidDonation };
  },
  async getDonationTotals(filter) {
    const { data } = await client.query<{ _allDonationsMeta: { count: number; totalAmount: number } }>({
      query: DONATION_TOTALS,
      variables: { filter: definedValues(filter) },
    });
    return { data: data._allDonationsMeta };
  },
  async getDisbursementTotals(filter) {
    const { data } = await client.query<{ _allDisbursementsMeta: { count: number; totalAmount: number } }>({
      query: DISBURSEMENT_TOTALS,
      variables: { filter: definedValues(filter) },
    });
    return { data: data._allDisbursementsMeta };
  },
  async disbursementAction(action, id, args = {}) {
    const { mutation, field } = DISBURSEMENT_ACTIONS[action];
    const variables: Record<string, unknown> = { id: String(id) };
    if (action === 'reject' || action === 'cancel') variables.reason = args.reason ?? '';
    if (action === 'pay') variables.paidOn = args.paidOn;
    const result = await client.mutate<Record<string, Disbursement>>({ mutation, variables });
    const data = result.data?.[field];
    if (!data) throw new Error('ra.notification.http_error');
    return { data };
  },
  exportDisbursements(format, filter) {
    return provider.downloadExport('disbursements', format, { filter: JSON.stringify(definedValues(filter)) });
  },
  async request<T>(document: string, variables: Record<string, unknown> = {}): Promise<T> {
    const parsed = gql(document);
    const operation = parsed.definitions.find((d) => d.kind === 'OperationDefinition');
    if (operation?.kind === 'OperationDefinition' && operation.operation === 'mutation') {
      const result = await client.mutate<T>({ mutation: parsed, variables });
      if (!result.data) throw new Error('ra.notification.http_error');
      return result.data;
    }
    const { data } = await client.query<T>({ query: parsed, variables, fetchPolicy: 'no-cache' });
    return data;
  },
  async downloadExport(name, format, params) {
    const token = currentSession()?.token;
    let response: Response;
    try {
      response = await fetch(`/export/${name}.${format}?${new URLSearchParams(params).toString()}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    } catch {
      throw new Error('ra.notification.http_error');
    }
    if (!response.ok) throw await exportError(response);
    const blob = await response.blob();
    const fileName = fileNameOf(response.headers.get('content-disposition'), `${name}.${format}`);
    saveBlob(blob, fileName);
    return { data: { fileName, size: blob.size } };
  },
  async importDonations(step, fundId, file) {
    const token = currentSession()?.token;
    let response: Response;
    try {
      response = await fetch(`/import/donations/${step}?${new URLSearchParams({ fundId }).toString()}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: file,
      });
    } catch {
      throw new Error('ra.notification.http_error');
    }
    if (!response.ok) throw await exportError(response);
    return (await response.json()) as DonationImportReport;
  },
};

/** Every method rejects with one error shape (see errors.ts), so forms and checkError can rely on it. */
function withServerErrors<T extends object>(target: T): T {
  const wrapped = { ...target } as Record<string, unknown>;
  for (const [name, value] of Object.entries(target)) {
    if (typeof value !== 'function') continue;
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return (await value.apply(target, args)) as unknown;
      } catch (error) {
        throw toHttpError(error);
      }
    };
  }
  return wrapped as T;
}

export const dataProvider: SoQuyDataProvider = withServerErrors(provider);
