import { ApiError } from '../../../common/api/ApiClient';
import { FakeTransport } from '../../../testing/FakeTransport';
import { dashboardAnswer } from '../../../testing/fixtures';
import { DashboardService } from '../services/DashboardService';

describe('DashboardService', () => {
  it('getDashboard_Filters_SendsThemInTheQuery', async () => {
    const transport = FakeTransport.answering({ status: 200, body: dashboardAnswer() });
    const service = new DashboardService(transport, 'lỗi');
    const dashboard = await service.getDashboard({ asOf: '2026-11-30', ward: 'haian', unit: 'MTTQ', section: '1', status: 'InProgressOverdue' });
    expect(transport.sent).toEqual([
      { path: '/api/dashboard?asOf=2026-11-30&ward=haian&unit=MTTQ&section=1&status=InProgressOverdue', method: 'GET', body: undefined }
    ]);
    expect(dashboard.totals.total).toBe(83);
  });

  it('getDashboard_NoFilters_PlainPath', async () => {
    const transport = FakeTransport.answering({ status: 200, body: dashboardAnswer() });
    await new DashboardService(transport, 'lỗi').getDashboard({});
    expect(transport.sent[0].path).toBe('/api/dashboard');
  });

  it('getDashboard_Forbidden_ThrowsTheApiMessage', async () => {
    const transport = FakeTransport.answering({ status: 403, body: { error: 'Tài khoản không có quyền thực hiện thao tác này.' } });
    const error = (await new DashboardService(transport, 'lỗi').getDashboard({}).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(403);
    expect(error.message).toBe('Tài khoản không có quyền thực hiện thao tác này.');
  });
});
