// Shapes of the DanVan365 HTTP API (docs/api.md). Keep in step with that page.
// The API's JSON writes absent values as null, so these types describe null (an external contract).
/* eslint-disable @rushstack/no-new-null */

export type CategoryKey = 'CompletedOnTime' | 'CompletedLate' | 'InProgressOnTime' | 'InProgressOverdue';

export interface ICategory {
  readonly key: CategoryKey;
  readonly label: string;
}

export interface IStatusCounts {
  readonly key: string;
  readonly name: string;
  readonly total: number;
  readonly ongoing: number;
  readonly counts: Readonly<Record<CategoryKey, number>>;
}

export interface ICodeName {
  readonly code: string;
  readonly name: string;
}

export interface IOverdueItem {
  readonly code: string;
  readonly task: string;
  readonly unit: string;
  readonly unitName: string;
  readonly role: string;
  readonly lastDay: string;
  readonly daysOverdue: number;
  readonly plannerUrl: string | null;
  readonly listItemUrl: string | null;
}

/** `NotRequired`: a unit the committee only requests sent nothing (optional, never missing). `Returned`: returned for additions. */
export type SubmissionState = 'OnTime' | 'Late' | 'Missing' | 'Returned' | 'NotRequired';

/** A submission Phòng Văn hóa - Xã hội returned for additions ("Trả lại, đề nghị bổ sung"), still open. */
export interface IReturned {
  readonly state: string;
  readonly reason: string;
  readonly returnedBy: string;
  readonly returnedAt: string;
}

export interface IRoundUnitState {
  readonly unit: string;
  readonly state: SubmissionState;
  readonly submittedAt: string | null;
  readonly returned?: IReturned | null;
}

export interface IRoundMatrix {
  readonly round: number;
  readonly title: string;
  readonly lastDay: string;
  readonly units: readonly IRoundUnitState[];
  /** The units the committee only requests ("Các cơ quan, tổ chức phối hợp"): their reports are optional. */
  readonly requested?: readonly IRoundUnitState[];
}

export interface IDashboardFilters {
  readonly unit: string | null;
  readonly section: string | null;
  readonly status: string | null;
}

export interface IDashboard {
  readonly ward: string;
  readonly wardName: string;
  readonly asOf: string;
  readonly filters: IDashboardFilters;
  readonly categories: readonly ICategory[];
  readonly taskCount: number;
  readonly totals: IStatusCounts;
  readonly units: readonly IStatusCounts[];
  readonly sections: readonly IStatusCounts[];
  readonly options: { readonly units: readonly ICodeName[]; readonly sections: readonly ICodeName[] };
  readonly overdue: readonly IOverdueItem[];
  readonly rounds: readonly IRoundMatrix[];
  /** Counts of the units the committee only requests, in no total. */
  readonly requestedUnits?: readonly IStatusCounts[];
  /** True when the caller may return units' submissions (the aggregating unit's people). */
  readonly canReturn?: boolean;
}

/** POST /api/rounds/{round}/units/{unit}/return answer. */
export interface IReturnResult {
  readonly ward: string;
  readonly unit: string;
  readonly round: number;
  readonly state: string;
  readonly reason: string;
  readonly returnedBy: string;
  readonly returnedAt: string;
  readonly notified: number;
}

export interface IDashboardQuery {
  readonly asOf?: string;
  readonly ward?: string;
  readonly unit?: string;
  readonly section?: string;
  readonly status?: string;
}

export interface ISavedRow {
  readonly result: string;
  readonly status: string;
  readonly difficulties: string;
  readonly proposals: string;
}

export interface IWorkRow {
  readonly code: string;
  readonly task: string;
  readonly role: string;
  readonly lastDay: string | null;
  readonly saved: ISavedRow | null;
}

export interface IRoundInfo {
  readonly round: number;
  readonly title: string;
  readonly lastDay: string;
  readonly open: boolean;
  readonly adHoc?: boolean;
  /** The year-end round (tổng kết): the form shows the general part (`IMyWork.review`). */
  readonly yearEnd?: boolean;
}

/** A unit's own score in a year-end report (points 0–100, or null when not given). */
export interface ISelfScore {
  readonly points: number | null;
  readonly note: string;
}

/** The general part of a year-end report (docs/api.md). */
export interface IYearEndReview {
  readonly strengths: string;
  readonly weaknesses: string;
  readonly causes: string;
  readonly nextYear: string;
  readonly selfScore: ISelfScore | null;
}

/** GET /api/my/work's general part for the year-end round: what was saved, the next year's label, whether to score. */
export interface IWorkReview {
  readonly saved: IYearEndReview | null;
  readonly nextYearLabel: string;
  readonly selfScore: boolean;
}

export interface IMyWork {
  readonly ward: string;
  readonly unit: ICodeName;
  readonly round: IRoundInfo;
  readonly statusLabels: readonly string[];
  readonly catalogueVersion: string;
  readonly submittedAt: string | null;
  readonly rows: readonly IWorkRow[];
  readonly returned?: IReturned | null;
  readonly review?: IWorkReview | null;
}

export interface ISubmissionRow {
  readonly code: string;
  readonly result: string;
  readonly status: string;
  readonly difficulties: string;
  readonly proposals: string;
}

export interface ISubmission {
  readonly ward?: string;
  readonly unit: string;
  readonly round: number;
  readonly catalogueVersion?: string;
  readonly rows: readonly ISubmissionRow[];
  readonly review?: IYearEndReview;
}

export interface ISubmitResult {
  readonly ward: string;
  readonly unit: string;
  readonly round: number;
  readonly rows: number;
  readonly recordedAt?: string;
  readonly recorded?: readonly { readonly code: string; readonly status: string }[];
}

export type ProposalKind = 'GiaHan' | 'SuaNoiDung' | 'BoSung' | 'BaiBo';
export type ProposalState = 'ChoXemXet' | 'DaTrinh' | 'ChapThuan' | 'KhongChapThuan' | 'RutLai';

export interface IProposal {
  readonly id: number;
  readonly unit: string;
  readonly unitName: string;
  readonly taskCode: string | null;
  readonly kind: ProposalKind;
  readonly kindLabel: string;
  readonly text: string | null;
  readonly lastDay: string | null;
  readonly reason: string;
  readonly proposer: string;
  readonly proposedOn: string;
  readonly state: ProposalState;
  readonly stateLabel: string;
  readonly reviewNote: string | null;
  readonly reviewedBy: string | null;
  readonly reviewedAt: string | null;
  readonly decisionNote: string | null;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly canReview: boolean;
  readonly canDecide: boolean;
}

export interface IProposalList {
  readonly items: readonly IProposal[];
  readonly role: 'unit' | 'reviewer' | 'decider';
  readonly myUnits: readonly ICodeName[];
}

export interface INewProposal {
  readonly ward?: string;
  readonly unit: string;
  readonly taskCode: string | null;
  readonly kind: ProposalKind;
  readonly text: string | null;
  readonly lastDay: string | null;
  readonly reason: string;
  /** The client request id: one per submit, the same on a retry, so a lost answer never files the proposal twice. */
  readonly requestId?: string;
}

export type ReviewAction = 'forward' | 'reject';
export type DecisionAction = 'approve' | 'reject';

/** One per-row problem of an error body. */
export interface IRowError {
  readonly code: string | null;
  readonly field: string | null;
  readonly message: string;
}

/** A reporting round (GET/POST /api/rounds): a decision round has no chosen units or tasks (null: all of them). */
export interface IRound {
  readonly number: number;
  readonly title: string;
  readonly lastDay: string;
  readonly adHoc: boolean;
  readonly units: readonly string[] | null;
  readonly tasks: readonly string[] | null;
  readonly createdBy: string | null;
  readonly createdAt: string | null;
  readonly templates: readonly string[];
}

/** A work item an ad hoc round may cover, with the units that lead or coordinate it. */
export interface IRoundTaskChoice {
  readonly code: string;
  readonly title: string;
  readonly units: readonly string[];
}

/** GET /api/rounds answer. */
export interface IRoundsAnswer {
  readonly ward: string;
  readonly canCreate: boolean;
  readonly rounds: readonly IRound[];
  readonly units: readonly ICodeName[];
  readonly tasks: readonly IRoundTaskChoice[];
}

/** POST /api/rounds body (lastDay yyyy-mm-dd). */
export interface IAdHocRoundRequest {
  readonly ward?: string;
  readonly title: string;
  readonly lastDay: string;
  readonly units: readonly string[];
  readonly tasks: readonly string[];
  readonly requestId: string;
}

/** Scoring (issue 24, docs/api.md "Scoring"): where a unit's score stands in the workflow. */
export type ScoreState = 'NotProposed' | 'Proposed' | 'Appraised' | 'Approved';
export type ScoreGrade = 'Excellent' | 'Good' | 'Completed' | 'NotCompleted';
export type ScoreLineKind = 'Task' | 'RoundReport' | 'Adjustment';
export type ScoreOutcome =
  | 'OnTime' | 'Late' | 'NotDone' | 'InProgress' | 'OngoingReported' | 'OngoingUnreported'
  | 'ReportOnTime' | 'ReportLate' | 'ReportMissing' | 'ScaleLimit' | 'NoTask';

/** One traceable line of a unit's computed score; the lines' points add up to `computed`. */
export interface IScoreLine {
  readonly kind: ScoreLineKind;
  readonly taskCode: string | null;
  readonly round: number | null;
  readonly role: 'Lead' | 'Coordinating' | null;
  readonly roleLabel: string | null;
  readonly outcome: ScoreOutcome;
  readonly points: number;
  readonly explanation: string;
}

/** A recorded step: the unit's proposal (note), the appraisal (reason) or the approval (no points). */
export interface IScoreStep {
  readonly points: number | null;
  readonly text: string;
  readonly by: string;
  readonly at: string;
}

/** One unit's score: computed beside proposed and appraised; a requested unit has `graded: false` and null grades. */
export interface IUnitScore {
  readonly unit: string;
  readonly unitName: string;
  readonly graded: boolean;
  readonly computed: number | null;
  readonly computedGrade: ScoreGrade | null;
  readonly computedGradeLabel: string | null;
  readonly lines: readonly IScoreLine[];
  readonly proposed: IScoreStep | null;
  readonly appraised: IScoreStep | null;
  readonly approved: IScoreStep | null;
  readonly state: ScoreState;
  readonly stateLabel: string;
  readonly finalPoints: number | null;
  readonly finalGrade: ScoreGrade | null;
  readonly finalGradeLabel: string | null;
  readonly canPropose: boolean;
  readonly canAppraise: boolean;
}

/** A grade of the ward's scoring model and the points it starts at. */
export interface IScoreGradeThreshold {
  readonly grade: ScoreGrade;
  readonly label: string;
  readonly minPoints: number;
}

/** GET /api/scores (and POST /api/scores/approval) answer: assigned units first, then requested ones. */
export interface IScoresAnswer {
  readonly ward: string;
  readonly year: number;
  readonly asOf: string;
  readonly units: readonly IUnitScore[];
  readonly canApprove: boolean;
  readonly grades: readonly IScoreGradeThreshold[];
}

/** POST /api/scores/{unit}/proposal body: points 0–100 (at most one decimal) and a note. */
export interface IScoreProposal {
  readonly ward?: string;
  readonly points: number;
  readonly note: string;
  readonly requestId?: string;
}

/** POST /api/scores/{unit}/appraisal body: the reason is required when the points differ from the proposal. */
export interface IScoreAppraisal {
  readonly ward?: string;
  readonly points: number;
  readonly reason?: string;
}
