import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { ImportJob, ImportPreview } from '@wk/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderAt } from '../../test-utils';
import { ImportPage } from './import-page';

const preview: ImportPreview = {
  kind: 'employees',
  delimiter: '\t',
  encoding: 'utf-16le',
  columns: ['email', 'name'],
  rows: [
    { line: 2, action: 'create', key: 'an@x.nl', errors: [] },
    { line: 3, action: 'create', key: 'bo@x.nl', errors: [] },
  ],
  summary: { create: 2, update: 0, unchanged: 0, error: 0 },
};
const job = (over: Partial<ImportJob>): ImportJob => ({
  id: '6f1c1f3e-0000-4000-8000-000000000001',
  kind: 'employees',
  status: 'queued',
  progress: { done: 0, total: 2 },
  result: null,
  error: null,
  createdAt: '2026-03-12T10:00:00.000Z',
  finishedAt: null,
  ...over,
});

/** The api as the page meets it: a preview, a 202 with a queued job, then the polled job states in turn. */
function stubApi(states: ImportJob[]) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/import/employees/preview') return jsonResponse(200, preview);
    if (url === '/api/import/employees' && init?.method === 'POST') return jsonResponse(202, job({}));
    if (url.startsWith('/api/import/jobs/'))
      return jsonResponse(200, states.length > 1 ? states.shift() : states[0]);
    return jsonResponse(404, { statusCode: 404, error: 'Not Found', code: 'not_found', message: url });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function previewAndImport() {
  renderAt('/import', <ImportPage />);
  const file = new File(['x'], 'medewerkers.txt', { type: 'text/plain' });
  fireEvent.change(await screen.findByLabelText(/csv-bestand/i), { target: { files: [file] } });
  fireEvent.click(screen.getByRole('button', { name: /voorbeeld bekijken/i }));
  expect(await screen.findByText(/gelezen als UTF-16LE, scheidingsteken "tab"/i)).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: /^importeren$/i }));
}

describe('ImportPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('polls the import job, showing a progress bar with its status, then the result', async () => {
    const fetchMock = stubApi([
      job({ status: 'running', progress: { done: 1, total: 2 } }),
      job({
        status: 'done',
        progress: { done: 2, total: 2 },
        result: preview,
        finishedAt: '2026-03-12T10:00:02.000Z',
      }),
    ]);
    await previewAndImport();
    const bar = await screen.findByRole('progressbar', { name: /1 van 2 regels/i });
    expect(bar.getAttribute('aria-valuenow')).toBe('50');
    expect((await screen.findByText(/klaar: 2 nieuw/i, {}, { timeout: 5000 })).textContent).toMatch(
      /alles is geïmporteerd/i,
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
    const polled = fetchMock.mock.calls.filter(([url]) => String(url).startsWith('/api/import/jobs/'));
    expect(polled.length).toBe(2);
  });

  it('says why a failed import wrote nothing', async () => {
    stubApi([
      job({
        status: 'failed',
        progress: { done: 1, total: 2 },
        error: 'line 3: refused; nothing was imported',
      }),
    ]);
    await previewAndImport();
    const alert = await waitFor(() => screen.getByRole('alert'));
    expect(alert.textContent).toMatch(/mislukt.*line 3: refused; nothing was imported/i);
  });
});
