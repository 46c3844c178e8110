import * as React from 'react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { IProposalList } from '../../../common/api/ApiTypes';
import { FakeTransport, ISentRequest } from '../../../testing/FakeTransport';
import { proposal } from '../../../testing/fixtures';
import { descriptionOf, renderInShell } from '../../../testing/render';
import { Proposals } from '../components/Proposals';
import { ProposalService } from '../services/ProposalService';

function transportFor(list: IProposalList, post: (request: ISentRequest) => { status: number; body: unknown }): FakeTransport {
  return new FakeTransport((request) => (request.method === 'GET' ? { status: 200, body: list } : post(request)));
}

const unitList: IProposalList = { items: [], role: 'unit', myUnits: [{ code: 'MTTQ', name: 'Ủy ban MTTQ phường' }] };

describe('Proposals', () => {
  it('Proposals_UnitProposes_PostsAndListsTheNewProposal', async () => {
    const transport = transportFor(unitList, () => ({ status: 201, body: proposal({ id: 12 }) }));
    renderInShell(<Proposals service={new ProposalService(transport, 'lỗi')} />);
    fireEvent.change(await screen.findByLabelText('Mã nhiệm vụ'), { target: { value: ' 2.3 ' } });
    const lastDay = screen.getByLabelText('Thời hạn đề xuất');
    fireEvent.change(lastDay, { target: { value: '31/12/2026' } });
    fireEvent.blur(lastDay);
    expect((lastDay as HTMLInputElement).value).toBe('31/12/2026');
    fireEvent.change(screen.getByLabelText(/^Lý do/), { target: { value: 'Chờ kinh phí' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi đề xuất' }));
    expect((await screen.findByRole('status')).textContent).toBe('Đã gửi đề xuất số 12 (Chờ xem xét).');
    expect(transport.sent[1]).toEqual({
      path: '/api/proposals', method: 'POST',
      body: {
        unit: 'MTTQ', kind: 'GiaHan', taskCode: '2.3', text: null, lastDay: '2026-12-31', reason: 'Chờ kinh phí',
        requestId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      }
    });
    expect(document.querySelector('[data-proposal="12"]')).not.toBeNull();
  });

  it('Proposals_RetryAfterAFailure_SameRequestIdUntilTheDraftChanges', async () => {
    const answers = [{ status: 503, body: { error: 'Dịch vụ đang bận.' } }, { status: 201, body: proposal({ id: 12 }) },
      { status: 201, body: proposal({ id: 13 }) }];
    const transport = transportFor(unitList, () => answers.shift() as { status: number; body: unknown });
    renderInShell(<Proposals service={new ProposalService(transport, 'lỗi')} />);
    fireEvent.change(await screen.findByLabelText(/^Lý do/), { target: { value: 'Chờ kinh phí' } });
    const submit = screen.getByRole('button', { name: 'Gửi đề xuất' });
    fireEvent.click(submit);
    await screen.findByRole('alert');
    fireEvent.click(submit);
    await screen.findByRole('status');
    fireEvent.change(screen.getByLabelText(/^Lý do/), { target: { value: 'Chờ hướng dẫn' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi đề xuất' }));
    await waitFor(() => expect(transport.sent).toHaveLength(4));
    const ids = transport.sent.slice(1).map((r) => (r.body as { requestId?: string }).requestId);
    expect(ids[0]).toBeTruthy();
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).toBeTruthy();
    expect(ids[2]).not.toBe(ids[0]);
  });

  it('Proposals_FieldError_ShownBesideTheField', async () => {
    const message = 'Ngày gia hạn phải sau hôm nay.';
    const transport = transportFor(unitList, () => ({
      status: 400, body: { error: 'Đề xuất chưa hợp lệ.', rows: [{ code: null, field: 'lastDay', message }] }
    }));
    renderInShell(<Proposals service={new ProposalService(transport, 'lỗi')} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Gửi đề xuất' }));
    await screen.findAllByRole('alert');
    expect(descriptionOf(screen.getByLabelText('Thời hạn đề xuất'))).toBe(message);
    expect(screen.getByLabelText('Thời hạn đề xuất').getAttribute('aria-invalid')).toBe('true');
  });

  it('Proposals_Reviewer_ForwardsWithNote', async () => {
    const list: IProposalList = { items: [proposal({ canReview: true }), proposal({ id: 8, state: 'DaTrinh', stateLabel: 'Đã trình' })],
      role: 'reviewer', myUnits: [] };
    const transport = transportFor(list, () => ({ status: 200, body: proposal({ state: 'DaTrinh', stateLabel: 'Đã trình' }) }));
    renderInShell(<Proposals service={new ProposalService(transport, 'lỗi')} />);
    fireEvent.change(await screen.findByLabelText('Ý kiến cho đề xuất số 7'), { target: { value: 'Đề nghị chấp thuận' } });
    expect(screen.queryByRole('button', { name: 'Chấp thuận' })).toBeNull();
    expect(screen.queryByLabelText('Ý kiến cho đề xuất số 8')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Gửi đề xuất' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Trình lãnh đạo' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Trình lãnh đạo' })).toBeNull());
    expect(transport.sent[1]).toEqual({ path: '/api/proposals/7/review', method: 'POST', body: { action: 'forward', note: 'Đề nghị chấp thuận' } });
    expect(within(document.querySelector('[data-proposal="7"]') as HTMLElement).getByText('Đã trình')).toBeTruthy();
  });

  it('Proposals_Decider_ApprovesAndSeesRefusal', async () => {
    const list: IProposalList = { items: [proposal({ state: 'DaTrinh', stateLabel: 'Đã trình', canDecide: true })], role: 'decider', myUnits: [] };
    const transport = transportFor(list, () => ({ status: 409, body: { error: 'Đề xuất đã được quyết định.' } }));
    renderInShell(<Proposals service={new ProposalService(transport, 'lỗi')} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Chấp thuận' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Đề xuất đã được quyết định.');
    expect(transport.sent[1].path).toBe('/api/proposals/7/decision');
    expect(transport.sent[1].body).toEqual({ action: 'approve', note: '' });
  });

  it('Proposals_StateFilter_AsksTheApi', async () => {
    const transport = transportFor(unitList, () => ({ status: 500, body: {} }));
    renderInShell(<Proposals service={new ProposalService(transport, 'lỗi')} />);
    fireEvent.change(await screen.findByLabelText('Trạng thái'), { target: { value: 'ChapThuan' } });
    await waitFor(() => expect(transport.sent).toHaveLength(2));
    expect(transport.sent[1].path).toBe('/api/proposals?state=ChapThuan');
  });
});
