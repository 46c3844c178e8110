import { ICategory, IDashboard, IMyWork, IProposal, IStatusCounts } from '../common/api/ApiTypes';

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
