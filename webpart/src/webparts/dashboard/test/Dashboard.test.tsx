import * as React from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeTransport } from '../../../testing/FakeTransport';
import { counts, dashboardAnswer, scoresAnswer } from '../../../testing/fixtures';
import { renderInShell } from '../../../testing/render';
import { Dashboard } from '../components/Dashboard';
import { sortOverdue } from '../components/OverdueList';
import { unitChartLegends } from '../components/UnitChart';
import { DashboardService } from '../services/DashboardService';
import { ScoreService } from '../services/ScoreService';

function cardValue(id: string): string {
  const card = document.querySelector(`[data-card="${id}"]`);
  return card?.querySelector('span')?.textContent ?? '';
}

async function shown(): Promise<void> {
  await screen.findByTestId('as-of');
}

describe('Dashboard', () => {
  it('Dashboard_Answer_ShowsTheApiNumbersNotRecomputed', async () => {
    const transport = FakeTransport.answering({ status: 200, body: dashboardAnswer() });
    renderInShell(<Dashboard service={new DashboardService(transport, 'lỗi')} />);
    await shown();
    expect(cardValue('tasks')).toBe('41');
    expect(cardValue('assignments')).toBe('83');
    expect(cardValue('CompletedOnTime')).toBe('17');
    expect(cardValue('CompletedLate')).toBe('3');
    expect(cardValue('InProgressOnTime')).toBe('29');
    expect(cardValue('InProgressOverdue')).toBe('11');
    expect(cardValue('ongoing')).toBe('23');
    const unitsTable = screen.getByRole('table', { name: 'Theo đơn vị' });
    const mttq = unitsTable.querySelector('[data-key="MTTQ"]') as HTMLElement;
    expect(within(mttq).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Ủy ban MTTQ phường', '2', '0', '3', '6', '1', '12']);
    const sectionsTable = screen.getByRole('table', { name: 'Theo phần nhiệm vụ' });
    expect((sectionsTable.querySelector('[data-key="1"] [data-category="Total"]') as HTMLElement).textContent).toBe('36');
  });

  it('Dashboard_AsOf_ShowsTheApiDateAndWard', async () => {
    const transport = FakeTransport.answering({ status: 200, body: dashboardAnswer({ asOf: '2026-06-15' }) });
    renderInShell(<Dashboard service={new DashboardService(transport, 'lỗi')} initialAsOf="2026-06-15" />);
    await shown();
    expect(screen.getByTestId('as-of').textContent).toBe('Phường Hải An — số liệu tính đến ngày 15/06/2026');
    expect(transport.sent[0].path).toBe('/api/dashboard?asOf=2026-06-15');
  });

  it('Dashboard_Overdue_SortedByDaysOverdueWithLinks', async () => {
    const transport = FakeTransport.answering({ status: 200, body: dashboardAnswer() });
    renderInShell(<Dashboard service={new DashboardService(transport, 'lỗi')} />);
    await shown();
    const table = screen.getByRole('table', { name: 'Nhiệm vụ quá hạn' });
    const codes = Array.from(table.querySelectorAll('[data-overdue]')).map((r) => r.getAttribute('data-overdue'));
    expect(codes).toEqual(['2.1', '1.1', '1.2']);
    const planner = within(table).getByRole('link', { name: 'Mở nhiệm vụ 1.2 của Ủy ban MTTQ phường trong Planner' });
    expect(planner.getAttribute('href')).toBe('https://tasks.office.com/t/b');
    expect(within(table).getAllByRole('link', { name: /Planner$/ })).toHaveLength(2);
  });

  it('sortOverdue_Ties_ByCodeNumerically', () => {
    const base = dashboardAnswer().overdue[0];
    const sorted = sortOverdue([{ ...base, code: '1.10', daysOverdue: 5 }, { ...base, code: '1.9', daysOverdue: 5 }, { ...base, code: '3.1', daysOverdue: 6 }]);
    expect(sorted.map((x) => x.code)).toEqual(['3.1', '1.9', '1.10']);
  });

  it('Dashboard_Matrix_ShowsEachRoundState', async () => {
    const transport = FakeTransport.answering({ status: 200, body: dashboardAnswer() });
    renderInShell(<Dashboard service={new DashboardService(transport, 'lỗi')} />);
    await shown();
    const matrix = screen.getByRole('table', { name: 'Tình hình nộp báo cáo theo đợt' });
    const vhxh = matrix.querySelector('[data-unit="VHXH"]') as HTMLElement;
    const mttq = matrix.querySelector('[data-unit="MTTQ"]') as HTMLElement;
    expect(within(vhxh).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Phòng Văn hóa - Xã hội', 'Đúng hạn', 'Chưa nộp']);
    expect(within(mttq).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Ủy ban MTTQ phường', 'Nộp quá hạn', 'Đúng hạn']);
  });

  it('Dashboard_RequestedUnits_ShownApartMarkedOptional', async () => {
    const answer = dashboardAnswer();
    const body = dashboardAnswer({
      options: { ...answer.options, units: [...answer.options.units, { code: 'BXDD', name: 'Ban Xây dựng Đảng' }] },
      requestedUnits: [counts('BXDD', 'Ban Xây dựng Đảng', [0, 0, 1, 2], 1, 4)],
      rounds: answer.rounds.map((r) => ({ ...r, requested: [{ unit: 'BXDD', state: r.round === 1 ? 'OnTime' : 'NotRequired',
        submittedAt: r.round === 1 ? '2026-04-02' : null }] }))
    });
    const transport = FakeTransport.answering({ status: 200, body });
    renderInShell(<Dashboard service={new DashboardService(transport, 'lỗi')} />);
    await shown();
    const section = screen.getByTestId('requested-units');
    expect(within(section).getByRole('heading', { level: 3 }).textContent).toBe('Các cơ quan, tổ chức phối hợp');
    const matrix = within(section).getByRole('table', { name: 'Tình hình gửi báo cáo của các cơ quan, tổ chức phối hợp (không bắt buộc)' });
    const bxdd = matrix.querySelector('[data-unit="BXDD"]') as HTMLElement;
    expect(within(bxdd).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Ban Xây dựng Đảng', 'Đúng hạn', 'Chưa gửi (không bắt buộc)']);
    const required = screen.getByRole('table', { name: 'Tình hình nộp báo cáo theo đợt' });
    expect(required.querySelector('[data-unit="BXDD"]')).toBeNull();
    expect(within(screen.getByRole('table', { name: 'Theo đơn vị' })).queryByText('Ban Xây dựng Đảng')).toBeNull();
    expect(cardValue('assignments')).toBe('83');
  });

  it('Dashboard_NoRequestedUnits_NoSection', async () => {
    const transport = FakeTransport.answering({ status: 200, body: dashboardAnswer() });
    renderInShell(<Dashboard service={new DashboardService(transport, 'lỗi')} />);
    await shown();
    expect(screen.queryByTestId('requested-units')).toBeNull();
  });

  it('Dashboard_UnitFilter_AsksTheApiAgainWithTheUnit', async () => {
    const transport = new FakeTransport(() => ({ status: 200, body: dashboardAnswer() }));
    renderInShell(<Dashboard service={new DashboardService(transport, 'lỗi')} />);
    await shown();
    fireEvent.change(screen.getByLabelText('Đơn vị'), { target: { value: 'MTTQ' } });
    await waitFor(() => expect(transport.sent).toHaveLength(2));
    expect(transport.sent[1].path).toBe('/api/dashboard?unit=MTTQ');
    fireEvent.change(screen.getByLabelText('Tình trạng'), { target: { value: 'Ongoing' } });
    await waitFor(() => expect(transport.sent).toHaveLength(3));
    expect(transport.sent[2].path).toBe('/api/dashboard?unit=MTTQ&status=Ongoing');
  });

  it('Dashboard_ScoreService_ShowsTheScoringSectionForTheWard', async () => {
    const transport = new FakeTransport((request) => ({
      status: 200, body: request.path.indexOf('/api/scores') === 0 ? scoresAnswer() : dashboardAnswer()
    }));
    renderInShell(<Dashboard service={new DashboardService(transport, 'lỗi')} scoreService={new ScoreService(transport, 'lỗi')}
      ward="hai-an" />);
    const board = await screen.findByRole('region', { name: 'Chấm điểm, xếp loại' });
    await within(board).findByRole('table', { name: 'Điểm và xếp loại của các cơ quan, đơn vị được giao nhiệm vụ' });
    expect(transport.sent.map((r) => r.path)).toContain('/api/scores?ward=hai-an');
  });

  it('Dashboard_ApiRefuses_ShowsTheMessageAsAlert', async () => {
    const transport = FakeTransport.answering({ status: 403, body: { error: 'Tài khoản không có quyền thực hiện thao tác này.' } });
    renderInShell(<Dashboard service={new DashboardService(transport, 'lỗi')} />);
    expect((await screen.findByRole('alert')).textContent).toBe('Tài khoản không có quyền thực hiện thao tác này.');
  });
});

describe('UnitChart', () => {
  it('unitChartLegends_Categories_EachOnceAsTheApiWordsThem', () => {
    const categories = dashboardAnswer().categories;
    const legends = unitChartLegends(categories, 'Thường xuyên');
    expect(legends.map((l) => l.title)).toEqual([...categories.map((c) => c.label), 'Thường xuyên']);
  });

  it('Dashboard_UnitChart_LegendListsEachCategoryOnce', async () => {
    const answer = dashboardAnswer();
    renderInShell(<Dashboard service={new DashboardService(FakeTransport.answering({ status: 200, body: answer }), 'lỗi')} />);
    await shown();
    expect(answer.units.length).toBeGreaterThan(1);
    const chart = document.querySelector('[data-chart="units"]') as HTMLElement;
    const legends = Array.from(chart.querySelectorAll('.fui-legend__text')).map((e) => e.textContent);
    expect(legends).toEqual([...answer.categories.map((c) => c.label), 'Thường xuyên']);
  });
});
