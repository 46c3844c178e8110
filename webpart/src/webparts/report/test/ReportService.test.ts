import { ApiError } from '../../../common/api/ApiClient';
import { FakeTransport } from '../../../testing/FakeTransport';
import { myWorkAnswer } from '../../../testing/fixtures';
import { ReportService } from '../services/ReportService';
import { roundFromQuery } from '../services/roundFromQuery';

describe('ReportService', () => {
  it('getMyWork_Round_SendsRoundAndWard', async () => {
    const transport = FakeTransport.answering({ status: 200, body: myWorkAnswer() });
    const work = await new ReportService(transport, 'lỗi').getMyWork(3, 'haian');
    expect(transport.sent[0]).toEqual({ path: '/api/my/work?round=3&ward=haian', method: 'GET', body: undefined });
    expect(work.rows.map((r) => r.code)).toEqual(['1.1', '2.4']);
  });

  it('getMyWork_NoRound_AsksForTheOpenRound', async () => {
    const transport = FakeTransport.answering({ status: 200, body: myWorkAnswer() });
    await new ReportService(transport, 'lỗi').getMyWork();
    expect(transport.sent[0].path).toBe('/api/my/work');
  });

  it('submit_Submission_PostsTheSubmitReportShape', async () => {
    const transport = FakeTransport.answering({ status: 202, body: { ward: 'haian', unit: 'MTTQ', round: 3, rows: 1 } });
    const submission = {
      unit: 'MTTQ', round: 3, catalogueVersion: 'v3',
      rows: [{ code: '1.1', result: 'Đã làm', status: 'Hoàn thành đúng hạn', difficulties: '', proposals: 'Không' }]
    };
    const result = await new ReportService(transport, 'lỗi').submit(submission);
    expect(transport.sent[0]).toEqual({ path: '/api/submissions', method: 'POST', body: submission });
    expect(result.rows).toBe(1);
  });

  it('submit_RowErrors_ThrowsThemPerRow', async () => {
    const rows = [{ code: '1.1', field: 'result', message: 'Cột "Kết quả thực hiện" dài 5000 ký tự, quá giới hạn 4000 ký tự.' }];
    const transport = FakeTransport.answering({ status: 400, body: { error: 'Báo cáo có 1 dòng chưa hợp lệ.', rows } });
    const error = (await new ReportService(transport, 'lỗi').submit({ unit: 'MTTQ', round: 3, rows: [] }).catch((e: unknown) => e)) as ApiError;
    expect(error.rows).toEqual(rows);
  });
});

describe('roundFromQuery', () => {
  it('roundFromQuery_LinkOfAReturnNotice_TheRound', () => {
    expect(roundFromQuery('?round=2&unit=VP')).toBe(2);
  });

  it('roundFromQuery_NoneOrNotAPositiveNumber_Undefined', () => {
    expect(['', '?unit=VP', '?round=0', '?round=-1', '?round=abc', '?round=1.5'].map(roundFromQuery))
      .toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});
