import { ICategory, IDashboard, IMyWork, IProposal, IScoresAnswer, IStatusCounts, IUnitScore } from '../common/api/ApiTypes';

export const categories: ICategory[] = [
  { key: 'CompletedOnTime', label: 'Hoàn thành đúng hạn' },
  { key: 'CompletedLate', label: 'Hoàn thành quá hạn' },
  { key: 'InProgressOnTime', label: 'Đang thực hiện trong hạn' },
  { key: 'InProgressOverdue', label: 'Đang thực hiện quá hạn' }
];

export function counts(key: string, name: string, values: [number, number, number, number], ongoing: number, total: number): IStatusCounts {
  return {
    key, name, ongoing, total,
    counts: { CompletedOnTime: values[0], CompletedLate: values[1], InProgressOnTime: values[2], InProgressOverdue: values[3] }
  };
}

/** A dashboard answer; the totals deliberately differ from the sum of the units, so a recomputing UI would show. */
export function dashboardAnswer(overrides: Partial<IDashboard> = {}): IDashboard {
  return {
    ward: 'haian',
    wardName: 'Phường Hải An',
    asOf: '2026-11-30',
    filters: { unit: null, section: null, status: null },
    categories,
    taskCount: 41,
    totals: counts('*', 'Tổng cộng', [17, 3, 29, 11], 23, 83),
    units: [counts('VHXH', 'Phòng Văn hóa - Xã hội', [5, 1, 7, 2], 4, 19), counts('MTTQ', 'Ủy ban MTTQ phường', [2, 0, 3, 6], 1, 12)],
    sections: [counts('1', 'Công tác dân vận của chính quyền', [9, 2, 13, 4], 8, 36)],
    options: {
      units: [{ code: 'VHXH', name: 'Phòng Văn hóa - Xã hội' }, { code: 'MTTQ', name: 'Ủy ban MTTQ phường' }],
      sections: [{ code: '1', name: 'Công tác dân vận của chính quyền' }]
    },
    overdue: [
      { code: '1.2', task: 'Nhiệm vụ B', unit: 'MTTQ', unitName: 'Ủy ban MTTQ phường', role: 'chủ trì', lastDay: '2026-11-20',
        daysOverdue: 10, plannerUrl: 'https://tasks.office.com/t/b', listItemUrl: 'https://contoso/Lists/PhanCong/DispForm.aspx?ID=2' },
      { code: '2.1', task: 'Nhiệm vụ C', unit: 'VHXH', unitName: 'Phòng Văn hóa - Xã hội', role: 'phối hợp', lastDay: '2026-08-01',
        daysOverdue: 121, plannerUrl: null, listItemUrl: 'https://contoso/Lists/PhanCong/DispForm.aspx?ID=3' },
      { code: '1.1', task: 'Nhiệm vụ A', unit: 'VHXH', unitName: 'Phòng Văn hóa - Xã hội', role: 'chủ trì', lastDay: '2026-10-31',
        daysOverdue: 30, plannerUrl: 'https://tasks.office.com/t/a', listItemUrl: null }
    ],
    rounds: [
      { round: 1, title: 'Đợt 1', lastDay: '2026-04-05', units: [
        { unit: 'VHXH', state: 'OnTime', submittedAt: '2026-04-01T09:00:00+07:00' },
        { unit: 'MTTQ', state: 'Late', submittedAt: '2026-04-09T09:00:00+07:00' }] },
      { round: 2, title: 'Đợt 2', lastDay: '2026-07-05', units: [
        { unit: 'VHXH', state: 'Missing', submittedAt: null },
        { unit: 'MTTQ', state: 'OnTime', submittedAt: '2026-07-01T09:00:00+07:00' }] }
    ],
    ...overrides
  };
}

export function myWorkAnswer(overrides: Partial<IMyWork> = {}): IMyWork {
  return {
    ward: 'haian',
    unit: { code: 'MTTQ', name: 'Ủy ban MTTQ phường' },
    round: { round: 3, title: 'Đợt 3', lastDay: '2026-10-05', open: true },
    statusLabels: categories.map((c) => c.label),
    catalogueVersion: '2026-01-15#3',
    submittedAt: null,
    rows: [
      { code: '1.1', task: 'Quán triệt nghị quyết', role: 'chủ trì', lastDay: '2026-12-31', saved: null },
      { code: '2.4', task: 'Đối thoại với nhân dân', role: 'phối hợp', lastDay: null,
        saved: { result: 'Đã tổ chức 2 buổi', status: 'Đang thực hiện trong hạn', difficulties: '', proposals: '' } }
    ],
    ...overrides
  };
}

export function proposal(overrides: Partial<IProposal> = {}): IProposal {
  return {
    id: 7, unit: 'MTTQ', unitName: 'Ủy ban MTTQ phường', taskCode: '2.3', kind: 'GiaHan', kindLabel: 'Gia hạn',
    text: null, lastDay: '2026-12-31', reason: 'Chờ kinh phí', proposer: 'a@haian.gov.vn', proposedOn: '2026-11-02',
    state: 'ChoXemXet', stateLabel: 'Chờ xem xét', reviewNote: null, reviewedBy: null, reviewedAt: null,
    decisionNote: null, decidedBy: null, decidedAt: null, canReview: false, canDecide: false,
    ...overrides
  };
}

/** A unit's score: VHXH proposed 95, its lines adding up to the computed 92.5 (10.5 + 84.5 − 2.5). */
export function unitScore(overrides: Partial<IUnitScore> = {}): IUnitScore {
  return {
    unit: 'VHXH', unitName: 'Phòng Văn hóa - Xã hội', graded: true,
    computed: 92.5, computedGrade: 'Excellent', computedGradeLabel: 'Hoàn thành xuất sắc nhiệm vụ',
    lines: [
      { kind: 'Task', taskCode: '2.3', round: null, role: 'Lead', roleLabel: 'chủ trì', outcome: 'OnTime', points: 10.5,
        explanation: 'Chủ trì, hoàn thành ngày 10/11/2026, trước hạn 50 ngày: 10 điểm × 1,0 + thưởng 0,5 điểm' },
      { kind: 'Task', taskCode: '1.1', round: null, role: 'Coordinating', roleLabel: 'phối hợp', outcome: 'OngoingReported',
        points: 84.5, explanation: 'Phối hợp, báo cáo đủ các đợt' },
      { kind: 'RoundReport', taskCode: null, round: 2, role: null, roleLabel: null, outcome: 'ReportLate', points: -2.5,
        explanation: 'Báo cáo đợt 2 gửi chậm 5 ngày: trừ 0,5 điểm mỗi ngày' }
    ],
    proposed: { points: 95, text: 'Đơn vị hoàn thành toàn bộ nhiệm vụ', by: 'vhxh.truong@haian.example.vn',
      at: '2026-12-10T09:00:00+07:00' },
    appraised: null, approved: null,
    state: 'Proposed', stateLabel: 'Đã tự chấm',
    finalPoints: 95, finalGrade: 'Excellent', finalGradeLabel: 'Hoàn thành xuất sắc nhiệm vụ',
    canPropose: false, canAppraise: false,
    ...overrides
  };
}

/** GET /api/scores: two assigned units (VHXH proposed, KTHTDT not yet) and one requested unit (MTTQ). */
export function scoresAnswer(overrides: Partial<IScoresAnswer> = {}): IScoresAnswer {
  return {
    ward: 'hai-an', year: 2026, asOf: '2026-12-20',
    units: [
      unitScore(),
      unitScore({
        unit: 'KTHTDT', unitName: 'Phòng Kinh tế, Hạ tầng và Đô thị', computed: 71, computedGrade: 'Completed',
        computedGradeLabel: 'Hoàn thành nhiệm vụ',
        lines: [{ kind: 'Task', taskCode: '2.2', round: null, role: 'Lead', roleLabel: 'chủ trì', outcome: 'Late', points: 71,
          explanation: 'Chủ trì, hoàn thành quá hạn' }],
        proposed: null, state: 'NotProposed', stateLabel: 'Chưa tự chấm', finalPoints: 71, finalGrade: 'Completed',
        finalGradeLabel: 'Hoàn thành nhiệm vụ'
      }),
      unitScore({
        unit: 'MTTQ', unitName: 'Ủy ban MTTQ phường', graded: false, computed: null, computedGrade: null, computedGradeLabel: null,
        lines: [{ kind: 'Task', taskCode: '3.4', round: null, role: 'Lead', roleLabel: 'chủ trì', outcome: 'OnTime', points: 10,
          explanation: 'Chủ trì, hoàn thành đúng hạn' }],
        proposed: null, state: 'NotProposed', stateLabel: 'Chưa tự chấm', finalPoints: null, finalGrade: null, finalGradeLabel: null
      })
    ],
    canApprove: false,
    grades: [
      { grade: 'Excellent', label: 'Hoàn thành xuất sắc nhiệm vụ', minPoints: 90 },
      { grade: 'Good', label: 'Hoàn thành tốt nhiệm vụ', minPoints: 80 },
      { grade: 'Completed', label: 'Hoàn thành nhiệm vụ', minPoints: 50 },
      { grade: 'NotCompleted', label: 'Không hoàn thành nhiệm vụ', minPoints: 0 }
    ],
    ...overrides
  };
}
