import { FakeTransport } from '../../../testing/FakeTransport';
import { proposal } from '../../../testing/fixtures';
import { newRequestId, ProposalService } from '../services/ProposalService';

describe('ProposalService', () => {
  it('list_State_SendsState', async () => {
    const transport = FakeTransport.answering({ status: 200, body: { items: [proposal()], role: 'reviewer', myUnits: [] } });
    const list = await new ProposalService(transport, 'lỗi').list('DaTrinh');
    expect(transport.sent[0]).toEqual({ path: '/api/proposals?state=DaTrinh', method: 'GET', body: undefined });
    expect(list.items[0].id).toBe(7);
  });

  it('create_NewProposal_PostsIt', async () => {
    const transport = FakeTransport.answering({ status: 201, body: proposal() });
    const draft = { unit: 'MTTQ', taskCode: '2.3', kind: 'GiaHan' as const, text: null, lastDay: '2026-12-31', reason: 'Chờ kinh phí' };
    const created = await new ProposalService(transport, 'lỗi').create(draft);
    expect(transport.sent[0]).toEqual({ path: '/api/proposals', method: 'POST', body: draft });
    expect(created.state).toBe('ChoXemXet');
  });

  it('create_WithRequestId_SendsItInTheBody', async () => {
    const transport = FakeTransport.answering({ status: 201, body: proposal() });
    const draft = { unit: 'MTTQ', taskCode: null, kind: 'BoSung' as const, text: 'Việc mới', lastDay: null, reason: 'Phát sinh',
      requestId: 'a1b2c3d4-0000-4000-8000-000000000001' };
    await new ProposalService(transport, 'lỗi').create(draft);
    expect(transport.sent[0].body).toEqual(draft);
  });

  it('newRequestId_TwoCalls_TwoDifferentUuids', () => {
    const first = newRequestId();
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newRequestId()).not.toBe(first);
  });

  it('review_Forward_PostsActionAndNote', async () => {
    const transport = FakeTransport.answering({ status: 200, body: proposal({ state: 'DaTrinh' }) });
    await new ProposalService(transport, 'lỗi').review(7, 'forward', 'Đề nghị chấp thuận');
    expect(transport.sent[0]).toEqual({ path: '/api/proposals/7/review', method: 'POST', body: { action: 'forward', note: 'Đề nghị chấp thuận' } });
  });

  it('decide_Reject_PostsToDecision', async () => {
    const transport = FakeTransport.answering({ status: 200, body: proposal({ state: 'KhongChapThuan' }) });
    const updated = await new ProposalService(transport, 'lỗi').decide(7, 'reject', 'Không đủ căn cứ');
    expect(transport.sent[0]).toEqual({ path: '/api/proposals/7/decision', method: 'POST', body: { action: 'reject', note: 'Không đủ căn cứ' } });
    expect(updated.state).toBe('KhongChapThuan');
  });
});
