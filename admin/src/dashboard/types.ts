/** The `dashboard` query's answer (schema/schema.graphql: Dashboard). A null section is one the role may not read. */
export interface MonthFlow {
  month: number;
  receipts: number;
  inKindReceipts: number;
  disbursements: number;
  transfersOut: number;
  transfersIn: number;
}
export interface FundKindBalance {
  kind: string;
  fundCount: number;
  freeCash: number;
  earmarkedCash: number;
  goods: number;
  total: number;
}
export interface PendingItem {
  id: string;
  label: string;
  amount: number | null;
  since: string;
}
export interface PendingGroup {
  count: number;
  items: PendingItem[];
}
export const pendingGroups = ['disbursementsToApprove', 'disbursementsToPay', 'housingToVerify', 'housingToApprove', 'memorialToApprove', 'surgeryToApprove'] as const;
export type PendingGroupName = (typeof pendingGroups)[number];
export type PendingApprovals = Record<PendingGroupName, PendingGroup | null>;
export interface TopDonor {
  rank: number;
  donorId: string | null;
  name: string;
  donorType: string | null;
  anonymous: boolean;
  walkIn: boolean;
  donationCount: number;
  amount: number;
}
export interface DashboardData {
  year: number;
  balances: FundKindBalance[] | null;
  monthly: MonthFlow[] | null;
  housing: { status: string; count: number; amount: number }[] | null;
  memorial: {
    byStatus: { status: string; count: number; supportAmount: number; averageProgress: number }[];
    progressBands: { from: number; to: number; count: number }[];
  } | null;
  childSupport: {
    gifts: { occasion: string; campaigns: number; children: number; amount: number }[];
    scholarships: { schoolYear: string; count: number; amount: number };
    surgery: { status: string; count: number; support: number }[];
  } | null;
  topDonors: TopDonor[] | null;
  pendingApprovals: PendingApprovals;
  recentTransactions: { id: string; fundId: string; fundName: string; occurredOn: string; kind: string; amount: number; description: string }[] | null;
  auditEvents: { id: string; at: string; operation: string; userEmail: string | null; targetType: string | null; targetId: string | null }[] | null;
}

const group = 'count items { id label amount since }';
export const DASHBOARD_QUERY = `query Dashboard($year: Int) { dashboard(year: $year) {
  year
  balances { kind fundCount freeCash earmarkedCash goods total }
  monthly { month receipts inKindReceipts disbursements transfersOut transfersIn }
  housing { status count amount }
  memorial { byStatus { status count supportAmount averageProgress } progressBands { from to count } }
  childSupport { gifts { occasion campaigns children amount } scholarships { schoolYear count amount } surgery { status count support } }
  topDonors { rank donorId name donorType anonymous walkIn donationCount amount }
  pendingApprovals { ${pendingGroups.map((name) => `${name} { ${group} }`).join(' ')} }
  recentTransactions { id fundId fundName occurredOn kind amount description }
  auditEvents { id at operation userEmail targetType targetId }
} }`;
