import * as React from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { IDashboard } from '../../../common/api/ApiTypes';
import { FakeTransport, ISentRequest } from '../../../testing/FakeTransport';
import { dashboardAnswer } from '../../../testing/fixtures';
import { renderInShell } from '../../../testing/render';
import { Dashboard } from '../components/Dashboard';
import { isReturnable } from '../components/SubmissionMatrix';
import { DashboardService } from '../services/DashboardService';

const reason = 'Đề nghị bổ sung số người tham dự hội nghị.';

function returnedAnswer(): IDashboard {
  const answer = dashboardAnswer({ canReturn: true });
  return {
    ...answer,
    rounds: [{ ...answer.rounds[0], units: [answer.rounds[0].units[0], { unit: 'MTTQ', state: 'Returned', submittedAt: null,
      returned: { state: 'Trả lại, đề nghị bổ sung', reason, returnedBy: 'Đỗ Văn Nam', returnedAt: '2026-04-10T09:00:00+07:00' } }] }]
  };
}

function matrixRow(unit: string): HTMLElement {
  const matrix = screen.getByRole('table', { name: 'Tình hình nộp báo cáo theo đợt' });
  return matrix.querySelector(`[data-unit="${unit}"]`) as HTMLElement;
}

describe('Return for additions in the dashboard', () => {
  it('Dashboard_ReturnedCell_ShowsTheStateAndTheReason', async () => {
    renderInShell(<Dashboard service={new DashboardService(FakeTransport.answering({ status: 200, body: returnedAnswer() }), 'lỗi')} />);
    await screen.findByTestId('as-of');
    const mttq = matrixRow('MTTQ');
    expect(within(mttq).getAllByRole('cell')[1].textContent).toBe(`Trả lại, đề nghị bổ sung${'Lý do: ' + reason}`);
    expect(within(mttq).queryByRole('button', { name: /^Trả lại báo cáo/ })).toBeNull();
    expect(within(matrixRow('VHXH')).getByRole('button', { name: 'Trả lại báo cáo Đợt 1 của Phòng Văn hóa - Xã hội' })).toBeTruthy();
  });

  it('Dashboard_CallerWhoMayNotReturn_NoReturnAction', async () => {
    const transport = FakeTransport.answering({ status: 200, body: dashboardAnswer() });
    renderInShell(<Dashboard service={new DashboardService(transport, 'lỗi')} />);
    await screen.findByTestId('as-of');
    expect(screen.queryAllByRole('button', { name: /^Trả lại báo cáo/ })).toHaveLength(0);
  });

  it('Dashboard_ReturnWithReason_PostsItShowsTheOutcomeAndReloads', async () => {
    const transport = new FakeTransport((request: ISentRequest) => request.method === 'POST'
      ? { status: 200, body: { ward: 'haian', unit: 'VHXH', round: 1, state: 'Trả lại, đề nghị bổ sung', reason,
        returnedBy: 'Đỗ Văn Nam', returnedAt: '2026-04-10T09:00:00+07:00', notified: 3 } }
      : { status: 200, body: dashboardAnswer({ canReturn: true }) });
    renderInShell(<Dashboard service={new DashboardService(transport, 'lỗi')} ward="haian" />);
    await screen.findByTestId('as-of');
    fireEvent.click(within(matrixRow('VHXH')).getByRole('button', { name: 'Trả lại báo cáo Đợt 1 của Phòng Văn hóa - Xã hội' }));
    const form = screen.getByTestId('return-form');
    fireEvent.click(within(form).getByRole('button', { name: 'Trả lại, đề nghị bổ sung' }));
    expect(within(form).getByText('Cần ghi lý do trả lại.')).toBeTruthy();
    expect(transport.sent.filter((r) => r.method === 'POST')).toHaveLength(0);

    fireEvent.change(within(form).getByRole('textbox'), { target: { value: `  ${reason}  ` } });
    fireEvent.click(within(form).getByRole('button', { name: 'Trả lại, đề nghị bổ sung' }));

    expect((await screen.findByRole('status')).textContent)
      .toBe('Đã trả lại báo cáo đợt 1 của Phòng Văn hóa - Xã hội; đã gửi thư báo cho 3 người của đơn vị.');
    expect(transport.sent[1]).toEqual({ path: '/api/rounds/1/units/VHXH/return', method: 'POST', body: { ward: 'haian', reason } });
    await waitFor(() => expect(transport.sent.filter((r) => r.method === 'GET')).toHaveLength(2));
    expect(screen.queryByTestId('return-form')).toBeNull();
  });

  it('Dashboard_ReturnRefused_ShowsTheApiMessageAndKeepsTheForm', async () => {
    const refusal = 'Đồng chí đã nộp báo cáo này nên không tự trả lại; đề nghị một đồng chí khác của Phòng Văn hóa - Xã hội xem xét.';
    const transport = new FakeTransport((request: ISentRequest) => request.method === 'POST'
      ? { status: 403, body: { error: refusal } }
      : { status: 200, body: dashboardAnswer({ canReturn: true }) });
    renderInShell(<Dashboard service={new DashboardService(transport, 'lỗi')} />);
    await screen.findByTestId('as-of');
    fireEvent.click(within(matrixRow('MTTQ')).getByRole('button', { name: 'Trả lại báo cáo Đợt 1 của Ủy ban MTTQ phường' }));
    const form = screen.getByTestId('return-form');
    fireEvent.change(within(form).getByRole('textbox'), { target: { value: reason } });
    fireEvent.click(within(form).getByRole('button', { name: 'Trả lại, đề nghị bổ sung' }));
    expect((await within(form).findByRole('alert')).textContent).toBe(`Chưa trả lại được báo cáo${refusal}`);
    expect(screen.getByTestId('return-form')).toBeTruthy();
  });

  it('isReturnable_States_OnlySubmittedOnes', () => {
    const cell = { unit: 'VP', submittedAt: null };
    expect(['OnTime', 'Late', 'Missing', 'Returned'].map((state) => isReturnable({ ...cell, state } as never)))
      .toEqual([true, true, false, false]);
  });
});
