// The coordinator's rules form and the planner's location form: the browser checks what it can,
// the server's field errors land at the same fields, and the time zone is a labelled choice.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NL_ATW_RULES } from '../../shared/regions.schemas';
import { LocationForm } from './location-form';
import { RulesForm } from './rules-form';

const regionId = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d01';
const organisationId = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d02';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const respond = (status: number, body: unknown) => vi.fn((_url: string, _init: RequestInit) => Promise.resolve(new Response(JSON.stringify(body), { status })));

describe('the working-time rules form', () => {
  it('shows a rule under its minimum in hours at that field, without asking the server', () => {
    const fetchMock = respond(200, {});
    vi.stubGlobal('fetch', fetchMock);
    render(<RulesForm regionId={regionId} rules={NL_ATW_RULES} onSaved={() => undefined} onCancel={() => undefined} />);
    fireEvent.change(screen.getByTestId('rules-maxShiftMinutes'), { target: { value: '0,5' } });
    fireEvent.click(screen.getByTestId('rules-save'));
    expect(screen.getByTestId('rules-maxShiftMinutes-error').textContent).toBe('Minimaal 1 uur.');
    expect(screen.queryByTestId('rules-minRestMinutes-error')).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends hours as minutes with the chosen first weekday', async () => {
    const fetchMock = respond(200, { id: regionId });
    vi.stubGlobal('fetch', fetchMock);
    const onSaved = vi.fn();
    render(<RulesForm regionId={regionId} rules={NL_ATW_RULES} onSaved={onSaved} onCancel={() => undefined} />);
    fireEvent.change(screen.getByTestId('rules-minRestMinutes'), { target: { value: '10,5' } });
    fireEvent.change(screen.getByLabelText('Week begint op'), { target: { value: '7' } });
    fireEvent.click(screen.getByTestId('rules-save'));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith({ id: regionId }));
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe(`/api/regions/${regionId}/rules`);
    expect(JSON.parse(init.body as string)).toEqual({ minRestMinutes: 630, maxShiftMinutes: 720, maxMinutesPerWeek: 3600, weekStartsOn: 7 });
  });
});

describe('the location form', () => {
  const fill = () => {
    fireEvent.change(screen.getByLabelText('Naam van de locatie'), { target: { value: 'Domstad Zeist' } });
    fireEvent.change(screen.getByLabelText('Straat en huisnummer'), { target: { value: 'Hoofdweg 1' } });
    fireEvent.change(screen.getByLabelText('Postcode'), { target: { value: '3701 AB' } });
    fireEvent.change(screen.getByLabelText('Plaats'), { target: { value: 'Zeist' } });
  };

  it('shows the server’s "unknown postcode" at the postcode field, in Dutch, and lets the planner try again', async () => {
    vi.stubGlobal('fetch', respond(400, { code: 'VALIDATION_FAILED', message: 'Check the fields', issues: [{ path: 'postcode', message: 'is not a known postcode' }] }));
    render(<LocationForm organisationId={organisationId} defaultTimeZone="Europe/Amsterdam" onAdded={() => undefined} onCancel={() => undefined} />);
    fill();
    fireEvent.click(screen.getByTestId('location-save'));
    await waitFor(() => expect(screen.getByTestId('location-postcode-error').textContent).toBe('Deze postcode kennen we niet.'));
    expect(screen.getByTestId('location-error')).toBeTruthy();
    expect(screen.getByTestId<HTMLButtonElement>('location-save').disabled).toBe(false);
  });

  it('posts the location with the chosen time zone', async () => {
    const fetchMock = respond(201, { id: 'new' });
    vi.stubGlobal('fetch', fetchMock);
    const onAdded = vi.fn();
    render(<LocationForm organisationId={organisationId} defaultTimeZone="Europe/Amsterdam" onAdded={onAdded} onCancel={() => undefined} />);
    fill();
    fireEvent.change(screen.getByLabelText('Tijdzone'), { target: { value: 'Europe/Brussels' } });
    fireEvent.click(screen.getByTestId('location-save'));
    await waitFor(() => expect(onAdded).toHaveBeenCalled());
    expect(JSON.parse(fetchMock.mock.calls[0]![1].body as string)).toEqual({ name: 'Domstad Zeist', address: 'Hoofdweg 1', postcode: '3701 AB', city: 'Zeist', timeZone: 'Europe/Brussels' });
  });
});
