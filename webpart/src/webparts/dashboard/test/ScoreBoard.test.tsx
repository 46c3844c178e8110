import * as React from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { IScoresAnswer } from '../../../common/api/ApiTypes';
import { FakeTransport, IFakeAnswer, ISentRequest } from '../../../testing/FakeTransport';
import { scoresAnswer, unitScore } from '../../../testing/fixtures';
import { descriptionOf, renderInShell } from '../../../testing/render';
import { ScoreBoard } from '../components/ScoreBoard';
import { ScoreService } from '../services/ScoreService';

const refused = (): IFakeAnswer => ({ status: 500, body: {} });

function transportFor(answer: IScoresAnswer, post: (request: ISentRequest) => IFakeAnswer = refused): FakeTransport {
  return new FakeTransport((request) => (request.method === 'GET' ? { status: 200, body: answer } : post(request)));
}

function show(transport: FakeTransport, newRequestId?: () => string): void {
  renderInShell(<ScoreBoard service={new ScoreService(transport, 'lỗi')} ward="hai-an" newRequestId={newRequestId} />);
}

function cell(unit: string, column: string): string {
  const row = document.querySelector(`[data-graded="true"] tr[data-unit="${unit}"]`);
  return row?.querySelector(`[data-column="${column}"]`)?.textContent ?? '(none)';
}

describe('ScoreBoard', () => {
  it('ScoreBoard_Answer_ShowsComputedBesideProposedAndAppraisedAndRequestedUnitsApart', async () => {
    show(transportFor(scoresAnswer()));
    await screen.findByRole('table', { name: 'Điểm và xếp loại của các cơ quan, đơn vị được giao nhiệm vụ' });
    expect(['computed', 'computedGrade', 'proposed', 'appraised', 'final', 'state'].map((c) => cell('VHXH', c))).toEqual(
      ['92,5', 'Hoàn thành xuất sắc nhiệm vụ', '95', 'Chưa có', 'Hoàn thành xuất sắc nhiệm vụ (95 điểm)', 'Đã tự chấm']);
    expect(cell('MTTQ', 'computed')).toBe('(none)');
    const requested = screen.getByRole('table', { name: 'Các cơ quan, tổ chức phối hợp (không xếp loại)' });
    expect(within(requested).getByText('Ủy ban MTTQ phường')).toBeTruthy();
    expect(within(requested).getByText('Không xếp loại')).toBeTruthy();
    expect(screen.getByTestId('score-year').textContent).toBe('Năm 2026; điểm tính toán theo số liệu đến ngày 20/12/2026.');
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toContain('Điểm tính toán');
  });

  it('ScoreBoard_DrillDown_LinesAddUpToTheComputedTotal', async () => {
    show(transportFor(scoresAnswer()));
    fireEvent.click(await screen.findByRole('button', { name: 'Xem chi tiết: Phòng Văn hóa - Xã hội' }));
    const lines = screen.getByTestId('score-lines');
    const points = Array.from(lines.querySelectorAll('tr[data-line]:not([data-line="total"]) [data-points]'))
      .map((c) => Number(c.getAttribute('data-points')));
    const total = lines.querySelector('tr[data-line="total"] [data-points]');
    expect(points).toEqual([10.5, 84.5, -2.5]);
    expect(points.reduce((a, b) => a + b, 0)).toBe(92.5);
    expect(total?.textContent).toBe('92,5');
    expect(within(lines).getByText('Báo cáo đợt 2')).toBeTruthy();
    expect(within(lines).getByText('Gửi báo cáo quá hạn')).toBeTruthy();
    expect(within(lines).getByText('-2,5')).toBeTruthy();
    expect(within(lines).getAllByText('chủ trì').length).toBe(1);
    expect(screen.getByRole('button', { name: 'Xem chi tiết: Phòng Văn hóa - Xã hội' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('ScoreBoard_DrillDownWithAScaleLimitLine_NamesTheTotalAndTheRule', async () => {
    const capped = unitScore({
      computed: 100,
      lines: [
        { kind: 'Task', taskCode: '2.3', round: null, role: 'Lead', roleLabel: 'chủ trì', outcome: 'OnTime', points: 101.5,
          explanation: 'Chủ trì, hoàn thành trước hạn' },
        { kind: 'Adjustment', taskCode: null, round: null, role: null, roleLabel: null, outcome: 'ScaleLimit', points: -1.5,
          explanation: 'Tổng điểm vượt 100: đưa về 100 điểm' }
      ]
    });
    show(transportFor(scoresAnswer({ units: [capped] })));
    fireEvent.click(await screen.findByRole('button', { name: 'Xem chi tiết: Phòng Văn hóa - Xã hội' }));
    const lines = screen.getByTestId('score-lines');
    expect(within(lines).getByText('Tổng điểm')).toBeTruthy();
    expect(within(lines).getByText('Điều chỉnh về thang điểm 0 - 100')).toBeTruthy();
    expect(lines.querySelector('tr[data-line="total"] [data-points]')?.textContent).toBe('100');
  });

  it('ScoreBoard_NoFlags_ShowsNoFormAndNoApproval', async () => {
    show(transportFor(scoresAnswer()));
    fireEvent.click(await screen.findByRole('button', { name: 'Xem chi tiết: Phòng Văn hóa - Xã hội' }));
    expect(screen.queryByTestId('score-propose')).toBeNull();
    expect(screen.queryByTestId('score-appraise')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Phê duyệt kết quả xếp loại' })).toBeNull();
  });

  it('ScoreBoard_CanPropose_PostsPointsNoteAndRequestIdAndShowsTheNewScore', async () => {
    const answer = scoresAnswer();
    const kthtdt = { ...answer.units[1], canPropose: true };
    const transport = transportFor({ ...answer, units: [answer.units[0], kthtdt, answer.units[2]] }, () => ({
      status: 200,
      body: { ...kthtdt, proposed: { points: 88.5, text: 'Đã làm', by: 'a@x', at: '2026-12-11T08:00:00+07:00' },
        state: 'Proposed', stateLabel: 'Đã tự chấm', canPropose: true }
    }));
    show(transport, () => 'r-1');
    fireEvent.click(await screen.findByRole('button', { name: 'Tự chấm: Phòng Kinh tế, Hạ tầng và Đô thị' }));
    expect(screen.queryByTestId('score-appraise')).toBeNull();
    fireEvent.change(screen.getByLabelText(/Số điểm tự chấm/), { target: { value: '88,5' } });
    fireEvent.change(screen.getByLabelText(/Nội dung tự đánh giá/), { target: { value: ' Đã làm ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi điểm tự chấm' }));
    expect((await screen.findByRole('status')).textContent).toBe('Đã gửi điểm tự chấm của Phòng Kinh tế, Hạ tầng và Đô thị: 88,5 điểm.');
    expect(transport.sent[1]).toEqual({
      path: '/api/scores/KTHTDT/proposal', method: 'POST', body: { ward: 'hai-an', points: 88.5, note: 'Đã làm', requestId: 'r-1' }
    });
    expect(cell('KTHTDT', 'proposed')).toBe('88,5');
    expect(cell('KTHTDT', 'computed')).toBe('71');
  });

  it('ProposeForm_RetryAfterAFailure_ReusesTheRequestId', async () => {
    const answer = scoresAnswer();
    const vhxh = { ...answer.units[0], canPropose: true };
    const answers: IFakeAnswer[] = [{ status: 503, body: { error: 'Hệ thống đang bận, hãy thử lại.' } }, { status: 200, body: vhxh }];
    const transport = transportFor({ ...answer, units: [vhxh, ...answer.units.slice(1)] }, () => answers.shift() ?? refused());
    let made = 0;
    show(transport, () => `r-${++made}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Tự chấm: Phòng Văn hóa - Xã hội' }));
    fireEvent.click(screen.getByRole('button', { name: 'Gửi điểm tự chấm' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Hệ thống đang bận, hãy thử lại.');
    fireEvent.click(screen.getByRole('button', { name: 'Gửi điểm tự chấm' }));
    await screen.findByRole('status');
    expect(transport.sent.slice(1).map((r) => (r.body as { requestId: string }).requestId)).toEqual(['r-1', 'r-1']);
  });

  it('ProposeForm_PointsOutOfRangeOrNoNote_NothingSent', async () => {
    const answer = scoresAnswer();
    const transport = transportFor({ ...answer, units: [{ ...answer.units[0], canPropose: true, proposed: null }] });
    show(transport);
    fireEvent.click(await screen.findByRole('button', { name: 'Tự chấm: Phòng Văn hóa - Xã hội' }));
    fireEvent.change(screen.getByLabelText(/Số điểm tự chấm/), { target: { value: '101' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi điểm tự chấm' }));
    expect(descriptionOf(screen.getByLabelText(/Số điểm tự chấm/))).toContain('từ 0 đến 100');
    expect(descriptionOf(screen.getByLabelText(/Nội dung tự đánh giá/))).toBe('Nhập nội dung tự đánh giá.');
    expect(transport.sent.length).toBe(1);
  });

  it('AppraiseForm_PointsDifferWithoutReason_AsksForTheReasonAndSendsNothing', async () => {
    const answer = scoresAnswer();
    const transport = transportFor({ ...answer, units: [{ ...answer.units[0], canAppraise: true }] });
    show(transport);
    fireEvent.click(await screen.findByRole('button', { name: 'Thẩm định: Phòng Văn hóa - Xã hội' }));
    expect(screen.queryByTestId('score-propose')).toBeNull();
    const points = screen.getByLabelText(/Điểm thẩm định/);
    expect((points as HTMLInputElement).value).toBe('95');
    fireEvent.change(points, { target: { value: '90' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ghi kết quả thẩm định' }));
    expect(descriptionOf(screen.getByLabelText(/Lý do điều chỉnh/))).toContain('nhập lý do điều chỉnh');
    expect(transport.sent.length).toBe(1);
  });

  it('AppraiseForm_SamePointsAsProposed_SentWithoutAReason', async () => {
    const answer = scoresAnswer();
    const vhxh = { ...answer.units[0], canAppraise: true };
    const appraised = { ...vhxh, appraised: { points: 95, text: '', by: 'b@x', at: '2026-12-12T08:00:00+07:00' },
      state: 'Appraised' as const, stateLabel: 'Đã thẩm định' };
    const transport = transportFor({ ...answer, units: [vhxh] }, () => ({ status: 200, body: appraised }));
    show(transport);
    fireEvent.click(await screen.findByRole('button', { name: 'Thẩm định: Phòng Văn hóa - Xã hội' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ghi kết quả thẩm định' }));
    expect((await screen.findByRole('status')).textContent).toBe('Đã thẩm định điểm của Phòng Văn hóa - Xã hội: 95 điểm.');
    expect(transport.sent[1]).toEqual({ path: '/api/scores/VHXH/appraisal', method: 'POST', body: { ward: 'hai-an', points: 95 } });
    expect(cell('VHXH', 'appraised')).toBe('95');
    expect(cell('VHXH', 'state')).toBe('Đã thẩm định');
  });

  it('AppraiseForm_ApiRefuses_ShowsRowsOnTheFieldsAndTheMessage', async () => {
    const answer = scoresAnswer();
    const reason = 'Lý do điều chỉnh không được để trống khi điểm khác điểm tự chấm.';
    const own = 'Người đã tự chấm điểm này không thẩm định được.';
    const answers: IFakeAnswer[] = [
      { status: 400, body: { error: reason, rows: [{ code: null, field: 'reason', message: reason }] } },
      { status: 403, body: { error: own } }
    ];
    const transport = transportFor({ ...answer, units: [{ ...answer.units[0], canAppraise: true }] },
      () => answers.shift() ?? refused());
    show(transport);
    fireEvent.click(await screen.findByRole('button', { name: 'Thẩm định: Phòng Văn hóa - Xã hội' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ghi kết quả thẩm định' }));
    await waitFor(() => expect(descriptionOf(screen.getByLabelText(/Lý do điều chỉnh/))).toContain(reason));
    fireEvent.click(screen.getByRole('button', { name: 'Ghi kết quả thẩm định' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain(own));
  });

  it('ScoreApproval_CanApprove_ConfirmsThenPostsAndShowsTheApprovedTable', async () => {
    const answer = scoresAnswer({ canApprove: true });
    const approvedUnit = unitScore({ approved: { points: null, text: '', by: 'ct@x', at: '2026-12-15T10:00:00+07:00' },
      state: 'Approved', stateLabel: 'Đã phê duyệt' });
    const transport = transportFor(answer, () => ({ status: 200, body: { ...answer, canApprove: false, units: [approvedUnit] } }));
    show(transport);
    fireEvent.click(await screen.findByRole('button', { name: 'Phê duyệt kết quả xếp loại' }));
    expect(transport.sent.length).toBe(1);
    const confirm = screen.getByRole('button', { name: 'Đồng ý phê duyệt' });
    expect(document.activeElement).toBe(confirm);
    expect(screen.getByRole('group').textContent).toContain('năm 2026');
    fireEvent.click(confirm);
    expect((await screen.findByRole('status')).textContent).toBe('Đã phê duyệt kết quả chấm điểm, xếp loại năm 2026.');
    expect(transport.sent[1]).toEqual({ path: '/api/scores/approval', method: 'POST', body: { ward: 'hai-an' } });
    expect(cell('VHXH', 'state')).toBe('Đã phê duyệt');
    expect(screen.queryByRole('button', { name: 'Phê duyệt kết quả xếp loại' })).toBeNull();
  });

  it('ScoreApproval_Conflict_ShowsTheApiMessage', async () => {
    const message = 'Chưa phê duyệt được: Phòng Kinh tế, Hạ tầng và Đô thị chưa được thẩm định điểm.';
    const transport = transportFor(scoresAnswer({ canApprove: true }), () => ({ status: 409, body: { error: message } }));
    show(transport);
    fireEvent.click(await screen.findByRole('button', { name: 'Phê duyệt kết quả xếp loại' }));
    fireEvent.click(screen.getByRole('button', { name: 'Đồng ý phê duyệt' }));
    expect((await screen.findByRole('alert')).textContent).toContain(message);
  });

  it('ScoreBoard_LoadRefused_ShowsTheApiMessage', async () => {
    const message = 'Phường Hải An chưa có quyết định trong thư viện.';
    show(new FakeTransport(() => ({ status: 409, body: { error: message } })));
    expect((await screen.findByRole('alert')).textContent).toBe(message);
  });
});
