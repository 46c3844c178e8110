import * as React from 'react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { FakeTransport, ISentRequest } from '../../../testing/FakeTransport';
import { myWorkAnswer } from '../../../testing/fixtures';
import { descriptionOf, renderInShell } from '../../../testing/render';
import { ReportForm } from '../components/ReportForm';
import { ReportService } from '../services/ReportService';

function transportWith(submitAnswer: { status: number; body: unknown }, work = myWorkAnswer()): FakeTransport {
  return new FakeTransport((request: ISentRequest) => (request.method === 'GET' ? { status: 200, body: work } : submitAnswer));
}

describe('ReportForm', () => {
  it('ReportForm_Rows_FieldsLabelledWithTaskCode', async () => {
    renderInShell(<ReportForm service={new ReportService(transportWith({ status: 202, body: {} }), 'lỗi')} />);
    await screen.findByLabelText('Kết quả thực hiện 1.1');
    for (const code of ['1.1', '2.4']) {
      expect(screen.getByLabelText(`Kết quả thực hiện ${code}`).tagName).toBe('TEXTAREA');
      expect(screen.getByLabelText(`Mức độ hoàn thành ${code}`).tagName).toBe('SELECT');
      expect(screen.getByLabelText(`Khó khăn, vướng mắc ${code}`).tagName).toBe('TEXTAREA');
      expect(screen.getByLabelText(`Đề xuất, kiến nghị ${code}`).tagName).toBe('TEXTAREA');
    }

    expect((screen.getByLabelText('Kết quả thực hiện 2.4') as HTMLTextAreaElement).value).toBe('Đã tổ chức 2 buổi');
    const choices = Array.from((screen.getByLabelText('Mức độ hoàn thành 1.1') as HTMLSelectElement).options).map((o) => o.value);
    expect(choices).toEqual(['', 'Hoàn thành đúng hạn', 'Hoàn thành quá hạn', 'Đang thực hiện trong hạn', 'Đang thực hiện quá hạn']);
    expect(screen.getByRole('button', { name: 'Nộp báo cáo' })).toBeTruthy();
  });

  it('ReportForm_Submit_SendsRowsAndShowsWhatWasRecordedAndWhen', async () => {
    const transport = transportWith({
      status: 202,
      body: { ward: 'haian', unit: 'MTTQ', round: 3, rows: 2, recordedAt: '2026-10-03T10:05:00+07:00',
        recorded: [{ code: '1.1', status: 'Hoàn thành đúng hạn' }, { code: '2.4', status: 'Đang thực hiện trong hạn' }] }
    });
    renderInShell(<ReportForm service={new ReportService(transport, 'lỗi')} />);
    fireEvent.change(await screen.findByLabelText('Kết quả thực hiện 1.1'), { target: { value: 'Đã quán triệt' } });
    fireEvent.change(screen.getByLabelText('Mức độ hoàn thành 1.1'), { target: { value: 'Hoàn thành đúng hạn' } });
    fireEvent.click(screen.getByRole('button', { name: 'Nộp báo cáo' }));
    const status = await screen.findByRole('status');
    expect(status.textContent).toContain('Đã ghi 2 dòng của đợt 3, đơn vị MTTQ, lúc 03/10/2026 10:05.');
    expect(status.textContent).toContain('1.1: Hoàn thành đúng hạn');
    expect(transport.sent[1]).toEqual({
      path: '/api/submissions', method: 'POST',
      body: { unit: 'MTTQ', round: 3, catalogueVersion: '2026-01-15#3', rows: [
        { code: '1.1', result: 'Đã quán triệt', status: 'Hoàn thành đúng hạn', difficulties: '', proposals: '' },
        { code: '2.4', result: 'Đã tổ chức 2 buổi', status: 'Đang thực hiện trong hạn', difficulties: '', proposals: '' }] }
    });
  });

  it('ReportForm_RowErrors_ShownBesideTheirField', async () => {
    const message = 'Cột "Khó khăn, vướng mắc" dài 5000 ký tự, quá giới hạn 4000 ký tự.';
    const transport = transportWith({
      status: 400,
      body: { error: 'Báo cáo có 2 dòng chưa hợp lệ.', rows: [
        { code: '2.4', field: 'difficulties', message },
        { code: '1.1', field: null, message: 'Nhiệm vụ 1.1 không giao cho đơn vị.' }] }
    });
    renderInShell(<ReportForm service={new ReportService(transport, 'lỗi')} />);
    fireEvent.change(await screen.findByLabelText('Khó khăn, vướng mắc 2.4'), { target: { value: 'x'.repeat(5000) } });
    fireEvent.click(screen.getByRole('button', { name: 'Nộp báo cáo' }));
    await screen.findAllByRole('alert');
    const field = screen.getByLabelText('Khó khăn, vướng mắc 2.4');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(field)).toBe(message);
    expect(screen.getByLabelText('Khó khăn, vướng mắc 1.1').getAttribute('aria-invalid')).not.toBe('true');
    expect(screen.getByLabelText('Kết quả thực hiện 2.4').getAttribute('aria-invalid')).not.toBe('true');
    const row11 = document.querySelector('fieldset[data-code="1.1"]') as HTMLElement;
    expect(row11.textContent).toContain('Nhiệm vụ 1.1 không giao cho đơn vị.');
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent ?? '');
    expect(alerts.filter((a) => a.indexOf('Báo cáo có 2 dòng chưa hợp lệ.') >= 0)).toHaveLength(1);
    expect(alerts).toContain(message);
  });

  it('ReportForm_ClosedRound_CannotSubmit', async () => {
    const work = myWorkAnswer({ round: { round: 2, title: 'Đợt 2', lastDay: '2026-07-05', open: false } });
    renderInShell(<ReportForm service={new ReportService(transportWith({ status: 202, body: {} }, work), 'lỗi')} round={2} />);
    await screen.findByText('Đợt báo cáo này đã kết thúc; không nhận thêm báo cáo.');
    expect((screen.getByRole('button', { name: 'Nộp báo cáo' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('ReportForm_OtherUnit_ShowsRefusal', async () => {
    const transport = FakeTransport.answering({ status: 403, body: { error: 'Tài khoản không có quyền thực hiện thao tác này.' } });
    renderInShell(<ReportForm service={new ReportService(transport, 'lỗi')} />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Tài khoản không có quyền thực hiện thao tác này.'));
    expect(screen.queryByRole('button', { name: 'Nộp báo cáo' })).toBeNull();
  });

  it('ReportForm_Intro_ClerkWordingWithTheRoundNumberNotItsTitle', async () => {
    const work = myWorkAnswer({ round: { round: 1, title: 'lần 1 trước ngày 15/9/2026', lastDay: '2026-09-14', open: true } });
    renderInShell(<ReportForm service={new ReportService(transportWith({ status: 202, body: {} }, work), 'lỗi')} />);
    expect((await screen.findByTestId('report-intro')).textContent).toBe('Đơn vị: Ủy ban MTTQ phường. Báo cáo lần 1, hạn nộp 14/09/2026.');
  });

  it('ReportForm_AdHocRound_NamedByItsTitle', async () => {
    const work = myWorkAnswer({ round: { round: 3, title: 'Kết quả Tháng hành động', lastDay: '2026-10-05', open: true, adHoc: true } });
    renderInShell(<ReportForm service={new ReportService(transportWith({ status: 202, body: {} }, work), 'lỗi')} />);
    expect((await screen.findByTestId('report-intro')).textContent)
      .toBe('Đơn vị: Ủy ban MTTQ phường. Báo cáo đột xuất: Kết quả Tháng hành động, hạn nộp 05/10/2026.');
  });

  it('ReportForm_ReturnedSubmission_ShowsTheStateReasonWhoAndWhenAndStaysOpen', async () => {
    const work = myWorkAnswer({
      round: { round: 1, title: 'lần 1', lastDay: '2026-09-14', open: true },
      returned: { state: 'Trả lại, đề nghị bổ sung', reason: 'Bổ sung số người tham dự.', returnedBy: 'Đỗ Văn Nam',
        returnedAt: '2026-09-20T09:05:00+07:00' }
    });
    renderInShell(<ReportForm service={new ReportService(transportWith({ status: 202, body: {} }, work), 'lỗi')} />);
    const returned = await screen.findByTestId('report-returned');
    expect(returned.textContent).toBe('Trả lại, đề nghị bổ sungLý do: Bổ sung số người tham dự.Người trả lại: Đỗ Văn Nam, lúc 20/09/2026 09:05.');
    expect((screen.getByRole('button', { name: 'Nộp báo cáo' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('ReportForm_NotReturned_NoReturnNotice', async () => {
    renderInShell(<ReportForm service={new ReportService(transportWith({ status: 202, body: {} }), 'lỗi')} />);
    await screen.findByTestId('report-intro');
    expect(screen.queryByTestId('report-returned')).toBeNull();
  });

  it('ReportForm_YearEndRound_ShowsTheGeneralPartAndSendsItWithTheSelfScore', async () => {
    const work = myWorkAnswer({
      round: { round: 3, title: 'Tổng kết năm 2026', lastDay: '2026-12-15', open: true, yearEnd: true },
      review: { saved: { strengths: 'Chủ động tham mưu.', weaknesses: '', causes: '', nextYear: '', selfScore: null },
        nextYearLabel: 'Phương hướng, nhiệm vụ năm 2027', selfScore: true }
    });
    const transport = transportWith({ status: 202, body: { ward: 'haian', unit: 'MTTQ', round: 3, rows: 0 } }, work);
    renderInShell(<ReportForm service={new ReportService(transport, 'lỗi')} />);
    expect((await screen.findByTestId('report-intro')).textContent)
      .toBe('Đơn vị: Ủy ban MTTQ phường. Báo cáo tổng kết năm 2026, hạn nộp 15/12/2026.');
    expect((screen.getByLabelText('Ưu điểm') as HTMLTextAreaElement).value).toBe('Chủ động tham mưu.');
    fireEvent.change(screen.getByLabelText('Hạn chế'), { target: { value: 'Còn chậm.' } });
    fireEvent.change(screen.getByLabelText('Phương hướng, nhiệm vụ năm 2027'), { target: { value: 'Đẩy mạnh chuyển đổi số.' } });
    fireEvent.change(screen.getByLabelText('Tự chấm điểm (số điểm, từ 0 đến 100)'), { target: { value: '88,5' } });
    fireEvent.change(screen.getByLabelText('Ghi chú tự chấm điểm'), { target: { value: 'Hoàn thành nhiệm vụ.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Nộp báo cáo' }));
    await screen.findByRole('status');
    expect((transport.sent[1].body as { review: unknown }).review).toEqual({
      strengths: 'Chủ động tham mưu.', weaknesses: 'Còn chậm.', causes: '', nextYear: 'Đẩy mạnh chuyển đổi số.',
      selfScore: { points: 88.5, note: 'Hoàn thành nhiệm vụ.' }
    });
  });

  it('ReportForm_YearEndRequestedUnit_NoSelfScoreField', async () => {
    const work = myWorkAnswer({
      round: { round: 3, title: 'Tổng kết năm 2026', lastDay: '2026-12-15', open: true, yearEnd: true },
      review: { saved: null, nextYearLabel: 'Phương hướng, nhiệm vụ năm 2027', selfScore: false }
    });
    renderInShell(<ReportForm service={new ReportService(transportWith({ status: 202, body: {} }, work), 'lỗi')} />);
    await screen.findByLabelText('Nguyên nhân');
    expect(screen.queryByLabelText('Tự chấm điểm (số điểm, từ 0 đến 100)')).toBeNull();
  });

  it('ReportForm_DecisionRound_NoGeneralPartAndNoReviewSent', async () => {
    renderInShell(<ReportForm service={new ReportService(transportWith({ status: 202, body: {} }), 'lỗi')} />);
    await screen.findByTestId('report-intro');
    expect(screen.queryByTestId('report-review')).toBeNull();
  });
});
