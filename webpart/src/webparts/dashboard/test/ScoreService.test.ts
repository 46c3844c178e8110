import { ApiError } from '../../../common/api/ApiClient';
import { FakeTransport } from '../../../testing/FakeTransport';
import { scoresAnswer, unitScore } from '../../../testing/fixtures';
import { ScoreService } from '../services/ScoreService';

describe('ScoreService', () => {
  it('list_Ward_SendsItInTheQuery', async () => {
    const transport = FakeTransport.answering({ status: 200, body: scoresAnswer() });
    const answer = await new ScoreService(transport, 'lỗi').list('hai-an');
    expect(transport.sent).toEqual([{ path: '/api/scores?ward=hai-an', method: 'GET', body: undefined }]);
    expect(answer.units.map((u) => u.unit)).toEqual(['VHXH', 'KTHTDT', 'MTTQ']);
  });

  it('propose_Unit_PostsPointsNoteAndRequestIdToTheUnitsPath', async () => {
    const transport = FakeTransport.answering({ status: 200, body: unitScore() });
    const body = { ward: 'hai-an', points: 95, note: 'Hoàn thành', requestId: 'r-1' };
    const score = await new ScoreService(transport, 'lỗi').propose('VH XH', body);
    expect(transport.sent).toEqual([{ path: '/api/scores/VH%20XH/proposal', method: 'POST', body }]);
    expect(score.state).toBe('Proposed');
  });

  it('appraise_Unit_PostsPointsAndReason', async () => {
    const transport = FakeTransport.answering({ status: 200, body: unitScore({ state: 'Appraised' }) });
    await new ScoreService(transport, 'lỗi').appraise('VHXH', { points: 90, reason: 'Báo cáo đợt 2 chậm' });
    expect(transport.sent).toEqual([
      { path: '/api/scores/VHXH/appraisal', method: 'POST', body: { points: 90, reason: 'Báo cáo đợt 2 chậm' } }
    ]);
  });

  it('approve_WardOrNone_PostsItOrAnEmptyBody', async () => {
    const transport = FakeTransport.answering({ status: 200, body: scoresAnswer() }, { status: 200, body: scoresAnswer() });
    const service = new ScoreService(transport, 'lỗi');
    await service.approve('hai-an');
    await service.approve();
    expect(transport.sent).toEqual([
      { path: '/api/scores/approval', method: 'POST', body: { ward: 'hai-an' } },
      { path: '/api/scores/approval', method: 'POST', body: {} }
    ]);
  });

  it('propose_BadRequest_ThrowsTheRows', async () => {
    const message = 'Số điểm phải từ 0 đến 100.';
    const transport = FakeTransport.answering({
      status: 400, body: { error: message, rows: [{ code: null, field: 'points', message }] }
    });
    const error = (await new ScoreService(transport, 'lỗi').propose('VHXH', { points: 101, note: 'x' })
      .catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(400);
    expect(error.rows).toEqual([{ code: null, field: 'points', message }]);
  });

  it('approve_Conflict_ThrowsTheMessage', async () => {
    const message = 'Chưa phê duyệt được: Phòng Kinh tế, Hạ tầng và Đô thị chưa được thẩm định điểm.';
    const transport = FakeTransport.answering({ status: 409, body: { error: message } });
    const error = (await new ScoreService(transport, 'lỗi').approve().catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(409);
    expect(error.message).toBe(message);
  });
});
