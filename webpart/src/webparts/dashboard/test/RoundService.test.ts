import { ApiError } from '../../../common/api/ApiClient';
import { IRoundsAnswer } from '../../../common/api/ApiTypes';
import { FakeTransport } from '../../../testing/FakeTransport';
import { RoundService } from '../services/RoundService';

const answer: IRoundsAnswer = { ward: 'hai-an', canCreate: true, rounds: [], units: [], tasks: [] };

describe('RoundService', () => {
  it('list_Ward_SendsItInTheQuery', async () => {
    const transport = FakeTransport.answering({ status: 200, body: answer });
    const rounds = await new RoundService(transport, 'lỗi').list('hai-an');
    expect(transport.sent).toEqual([{ path: '/api/rounds?ward=hai-an', method: 'GET', body: undefined }]);
    expect(rounds.canCreate).toBe(true);
  });

  it('create_Round_PostsTheBodyWithTheRequestId', async () => {
    const transport = FakeTransport.answering({ status: 201, body: { number: 3 } });
    const request = { title: 'Đột xuất', lastDay: '2026-06-10', units: ['KTHTDT'], tasks: ['2.2'], requestId: 'r-1' };
    const round = await new RoundService(transport, 'lỗi').create(request);
    expect(transport.sent).toEqual([{ path: '/api/rounds', method: 'POST', body: request }]);
    expect(round.number).toBe(3);
  });

  it('create_Forbidden_ThrowsTheApiMessage', async () => {
    const message = 'Chỉ lãnh đạo và công chức được phân công của Phòng Văn hóa - Xã hội được tạo đợt báo cáo đột xuất.';
    const transport = FakeTransport.answering({ status: 403, body: { error: message } });
    const request = { title: 'x', lastDay: '2026-06-10', units: [], tasks: [], requestId: 'r' };
    const error = (await new RoundService(transport, 'lỗi').create(request).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(403);
    expect(error.message).toBe(message);
  });
});
