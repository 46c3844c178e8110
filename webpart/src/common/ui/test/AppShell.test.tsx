import * as React from 'react';
import { render, screen } from '@testing-library/react';
import { FakeTransport } from '../../../testing/FakeTransport';
import { dashboardAnswer } from '../../../testing/fixtures';
import { vi } from '../../../testing/render';
import { Dashboard } from '../../../webparts/dashboard/components/Dashboard';
import { DashboardService } from '../../../webparts/dashboard/services/DashboardService';
import { AppShell } from '../AppShell';

describe('AppShell', () => {
  it('AppShell_TwoWebPartsOnOnePage_NoIdTwiceAndEachLabelInItsOwnPart', async () => {
    const part = (prefix: string): React.ReactElement => (
      <div data-part={prefix}>
        <AppShell strings={vi} idPrefix={prefix}>
          <Dashboard service={new DashboardService(FakeTransport.answering({ status: 200, body: dashboardAnswer() }), 'lỗi')} />
        </AppShell>
      </div>
    );
    render(<>{part('dv-a-')}{part('dv-b-')}</>);
    expect(await screen.findAllByTestId('as-of')).toHaveLength(2);

    const ids = Array.from(document.querySelectorAll('[id]')).map((e) => e.id);
    expect(ids.length).toBeGreaterThan(10);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const labelled of Array.from(document.querySelectorAll('[aria-labelledby]'))) {
      const part = labelled.closest('[data-part]');
      for (const id of (labelled.getAttribute('aria-labelledby') ?? '').split(' ').filter((x) => x !== '')) {
        expect(document.getElementById(id)?.closest('[data-part]')).toBe(part);
      }
    }
  });
});
