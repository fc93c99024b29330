/** The memorial works' named queries and mutations, sent through the data provider's `request`. */

/** Every field of a work the show page uses (the same selection for every step's answer). */
export const MEMORIAL_WORK_FIELDS = `id name kind scope unitId level location graveCount approvedCost supportAmount fundLinesTotal paidAmount pendingAmount
  progress projectDocumentNumber decisionNumber contractor startOn plannedEndOn approvedOn completedOn settledOn status createdAt updatedAt
  fundingLines { id source fundId note amount paidAmount projectId projectType }
  progressReports { id reportedOn percent note createdAt createdById }
  events { id action fromStatus toStatus occurredOn document note actorId actorName at }
  permissions { approve start reportProgress complete settle }`;

export const MEMORIAL_WORK_CAPS = `query MemorialWorkCaps($unitId: ID!, $kind: MemorialWorkKind!, $scope: MemorialWorkScope!, $approvedCost: SafeInt!, $graveCount: Int, $date: LocalDate) {
  memorialWorkCaps(unitId: $unitId, kind: $kind, scope: $scope, approvedCost: $approvedCost, graveCount: $graveCount, date: $date) { rule limit explanation basis }
}`;

export const CREATE_MEMORIAL_WORK = `mutation CreateMemorialWork($name: String!, $kind: MemorialWorkKind!, $scope: MemorialWorkScope!, $unitId: ID!, $location: String,
  $graveCount: Int, $approvedCost: SafeInt!, $fundingLines: [FundingLineInput!]!, $projectDocumentNumber: String, $contractor: String,
  $startOn: LocalDate, $plannedEndOn: LocalDate) {
  createMemorialWork(name: $name, kind: $kind, scope: $scope, unitId: $unitId, location: $location, graveCount: $graveCount, approvedCost: $approvedCost,
    fundingLines: $fundingLines, projectDocumentNumber: $projectDocumentNumber, contractor: $contractor, startOn: $startOn, plannedEndOn: $plannedEndOn) { id }
}`;

/** The steps of the workflow, each the mutation of the same arguments (id, occurredOn, document, note). */
export type MemorialStep = 'approve' | 'start' | 'complete' | 'settle';

export const STEP_MUTATIONS: Record<MemorialStep, { field: string; document: string }> = {
  approve: {
    field: 'approveMemorialWork',
    document: `mutation ApproveMemorialWork($id: ID!, $occurredOn: LocalDate!, $document: String, $note: String) {
      approveMemorialWork(id: $id, occurredOn: $occurredOn, document: $document, note: $note) { ${MEMORIAL_WORK_FIELDS} } }`,
  },
  start: {
    field: 'startMemorialWork',
    document: `mutation StartMemorialWork($id: ID!, $occurredOn: LocalDate!, $document: String, $note: String) {
      startMemorialWork(id: $id, occurredOn: $occurredOn, document: $document, note: $note) { ${MEMORIAL_WORK_FIELDS} } }`,
  },
  complete: {
    field: 'completeMemorialWork',
    document: `mutation CompleteMemorialWork($id: ID!, $occurredOn: LocalDate!, $document: String, $note: String) {
      completeMemorialWork(id: $id, occurredOn: $occurredOn, document: $document, note: $note) { ${MEMORIAL_WORK_FIELDS} } }`,
  },
  settle: {
    field: 'settleMemorialWork',
    document: `mutation SettleMemorialWork($id: ID!, $occurredOn: LocalDate!, $document: String, $note: String) {
      settleMemorialWork(id: $id, occurredOn: $occurredOn, document: $document, note: $note) { ${MEMORIAL_WORK_FIELDS} } }`,
  },
};

export const REPORT_MEMORIAL_PROGRESS = `mutation ReportMemorialProgress($id: ID!, $reportedOn: LocalDate!, $percent: Int!, $note: String) {
  reportMemorialProgress(id: $id, reportedOn: $reportedOn, percent: $percent, note: $note) { ${MEMORIAL_WORK_FIELDS} }
}`;
