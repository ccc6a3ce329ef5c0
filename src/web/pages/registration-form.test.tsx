import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeBigNumber } from '../../shared/big-number';
import type { TCredential } from '../../shared/workers.schemas';
import { RegistrationForm } from './registration-form';

const workerId = '3f1e2d4c-5b6a-4789-8abc-def012345601';
const validBig = makeBigNumber([1, 2, 3, 4, 5, 6, 7, 8, 9]);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('adding a registration', () => {
  it('rejects a BIG number whose check digit does not match, before asking the server', () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    render(<RegistrationForm workerId={workerId} onAdded={() => undefined} onCancel={() => undefined} />);
    const wrongCheckDigit = `${(Number(validBig[0]) + 1) % 10}${validBig.slice(1)}`;
    fireEvent.change(screen.getByTestId('registration-number'), { target: { value: wrongCheckDigit } });
    fireEvent.click(screen.getByTestId('registration-save'));
    expect(screen.getByTestId('registration-number-error').textContent).toBe('Dit is geen geldig BIG-nummer: 11 cijfers met een kloppend controlecijfer.');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('posts a valid BIG number with its expiry date', async () => {
    const saved: TCredential = {
      id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c02',
      workerId,
      kind: 'big',
      number: validBig,
      profession: 'verpleegkundige',
      expiresOn: '2031-05-01',
      verificationStatus: 'unverified',
      verifiedByUserId: null,
      verifiedAt: null,
    };
    const fetchMock = vi.fn((_url: string, _init: RequestInit) => Promise.resolve(new Response(JSON.stringify(saved), { status: 201 })));
    vi.stubGlobal('fetch', fetchMock);
    const onAdded = vi.fn();
    render(<RegistrationForm workerId={workerId} onAdded={onAdded} onCancel={() => undefined} />);
    fireEvent.change(screen.getByTestId('registration-number'), { target: { value: `${validBig.slice(0, 5)} ${validBig.slice(5)}` } });
    fireEvent.change(screen.getByTestId('registration-profession'), { target: { value: 'verpleegkundige' } });
    fireEvent.change(screen.getByTestId('registration-expires'), { target: { value: '2031-05-01' } });
    fireEvent.click(screen.getByTestId('registration-save'));
    await waitFor(() => expect(onAdded).toHaveBeenCalledWith(saved));
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe(`/api/workers/${workerId}/credentials`);
    expect(JSON.parse(init.body as string)).toEqual({ kind: 'big', number: validBig, profession: 'verpleegkundige', expiresOn: '2031-05-01' });
  });
});
