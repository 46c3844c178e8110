import * as React from 'react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { IRoundsAnswer } from '../../../common/api/ApiTypes';
import { FakeTransport, ISentRequest } from '../../../testing/FakeTransport';
import { descriptionOf, renderInShell } from '../../../testing/render';
import { AdHocRoundForm } from '../components/AdHocRoundForm';
import { RoundService } from '../services/RoundService';

function rounds(canCreate: boolean): IRoundsAnswer {
  return {
    ward: 'hai-an', canCreate, rounds: [],
    units: [{ code: 'KTHTDT', name: 'Phòng Kinh tế, Hạ tầng và Đô thị' }, { code: 'MTTQ', name: 'Ủy ban MTTQ phường' }],
    tasks: [{ code: '1.1', title: 'Phổ biến, quán triệt', units: ['KTHTDT', 'VHXH'] },
      { code: '2.2', title: 'Nhà ở xã hội', units: ['KTHTDT'] }, { code: '3.4', title: 'Mặt trận', units: ['MTTQ'] }]
  };
}

function transportFor(canCreate: boolean, post: (request: ISentRequest) => { status: number; body: unknown }): FakeTransport {
  return new FakeTransport((request) => (request.method === 'GET' ? { status: 200, body: rounds(canCreate) } : post(request)));
}

describe('AdHocRoundForm', () => {
  it('AdHocRoundForm_AggregatingUnitCreates_PostsTheChoicesAndSaysWhatWasIssued', async () => {
    const transport = transportFor(true, () => ({
      status: 201,
      body: { number: 3, title: 'Đột xuất', lastDay: '2026-06-10', adHoc: true, units: ['KTHTDT'], tasks: ['2.2'],
        createdBy: null, createdAt: null, templates: ['2026/Đợt 3/Mẫu/Mau-bao-cao-Dot-3-KTHTDT.docx'] }
    }));
    renderInShell(<AdHocRoundForm service={new RoundService(transport, 'lỗi')} ward="hai-an" newRequestId={() => 'r-1'} />);
    fireEvent.change(await screen.findByLabelText('Nội dung đợt báo cáo'), { target: { value: 'Đột xuất' } });
    fireEvent.change(screen.getByLabelText('Hạn gửi báo cáo'), { target: { value: '2026-06-10' } });
    fireEvent.click(screen.getByLabelText('Phòng Kinh tế, Hạ tầng và Đô thị'));
    // Only the tasks the chosen unit leads or coordinates are offered.
    expect(screen.queryByLabelText('3.4. Mặt trận')).toBeNull();
    fireEvent.click(screen.getByLabelText('2.2. Nhà ở xã hội'));
    fireEvent.click(screen.getByRole('button', { name: 'Tạo đợt báo cáo' }));
    expect((await screen.findByRole('status')).textContent).toBe('Đã tạo đợt báo cáo 3: Đột xuất, hạn gửi 10/06/2026; đã phát 1 biểu mẫu.');
    expect(transport.sent[1]).toEqual({
      path: '/api/rounds', method: 'POST',
      body: { ward: 'hai-an', title: 'Đột xuất', lastDay: '2026-06-10', units: ['KTHTDT'], tasks: ['2.2'], requestId: 'r-1' }
    });
  });

  it('AdHocRoundForm_RefusedField_ShowsTheApiMessageOnIt', async () => {
    const transport = transportFor(true, () => ({
      status: 400,
      body: { error: 'Hạn báo cáo 01/05/2026 đã qua (hôm nay là 01/06/2026).',
        rows: [{ code: null, field: 'lastDay', message: 'Hạn báo cáo 01/05/2026 đã qua (hôm nay là 01/06/2026).' }] }
    }));
    renderInShell(<AdHocRoundForm service={new RoundService(transport, 'lỗi')} newRequestId={() => 'r-2'} />);
    fireEvent.change(await screen.findByLabelText('Hạn gửi báo cáo'), { target: { value: '2026-05-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tạo đợt báo cáo' }));
    await waitFor(() => expect(descriptionOf(screen.getByLabelText('Hạn gửi báo cáo'))).toContain('đã qua'));
  });

  it('AdHocRoundForm_CallerMayNotCreate_ShowsNothing', async () => {
    const transport = transportFor(false, () => ({ status: 500, body: {} }));
    const { container } = renderInShell(<AdHocRoundForm service={new RoundService(transport, 'lỗi')} />);
    await waitFor(() => expect(transport.sent.length).toBe(1));
    expect(container.querySelector('form')).toBeNull();
  });

  it('AdHocRoundForm_UnitWithoutATask_ShowsTheApiMessageInTheUnitsGroup', async () => {
    const message = 'Phòng Kinh tế, Hạ tầng và Đô thị không chủ trì hay phối hợp nhiệm vụ nào đã chọn.';
    const transport = transportFor(true, () => ({
      status: 400, body: { error: message, rows: [{ code: null, field: 'units', message }] }
    }));
    renderInShell(<AdHocRoundForm service={new RoundService(transport, 'lỗi')} newRequestId={() => 'r-3'} />);
    fireEvent.click(await screen.findByLabelText('Phòng Kinh tế, Hạ tầng và Đô thị'));
    fireEvent.click(screen.getByRole('button', { name: 'Tạo đợt báo cáo' }));
    const group = await screen.findByRole('group', { name: 'Đơn vị được đề nghị báo cáo' });
    await waitFor(() => expect(descriptionOf(group)).toBe(message));
  });
});
