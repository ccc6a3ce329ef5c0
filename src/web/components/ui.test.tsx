// The shared form fields: each control is named by its label and described by its hint and error.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Field, FormActions, SelectField, TextAreaField } from './ui';

afterEach(cleanup);

const describedBy = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent);

describe('form fields', () => {
  it('ties an input to its label, hint and error, and marks it invalid', () => {
    render(<Field label="Postcode" hint="Vier cijfers" error="Onbekende postcode" testId="postcode" defaultValue="0000" />);
    const input = screen.getByLabelText('Postcode');
    expect(input.tagName).toBe('INPUT');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(input)).toEqual(['Vier cijfers', 'Onbekende postcode']);
    expect(screen.getByTestId('postcode-error').textContent).toBe('Onbekende postcode');
    expect(input.closest('.field')?.className).toContain('field-invalid');
  });

  it('leaves a valid field unmarked and undescribed', () => {
    render(<Field label="Plaats" testId="city" />);
    const input = screen.getByTestId('city');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(input.getAttribute('aria-describedby')).toBeNull();
    expect(screen.queryByTestId('city-error')).toBeNull();
  });

  it('gives a select and a text area the same label and error markup', () => {
    const onChange = vi.fn<(value: string) => void>();
    render(
      <>
        <SelectField label="Activiteitenpakket" error="Vul dit in." testId="package" value="" onChange={(e) => onChange(e.target.value)}>
          <option value="" />
          <option value="nursing">Verpleegkundige zorg</option>
        </SelectField>
        <TextAreaField label="Notities" hint="Wie is de buddy?" testId="notes" />
      </>,
    );
    const select = screen.getByLabelText('Activiteitenpakket');
    expect(select.tagName).toBe('SELECT');
    expect(select).toBe(screen.getByTestId('package'));
    expect(describedBy(select)).toEqual(['Vul dit in.']);
    fireEvent.change(select, { target: { value: 'nursing' } });
    expect(onChange).toHaveBeenCalledWith('nursing');
    const notes = screen.getByLabelText('Notities');
    expect(notes.tagName).toBe('TEXTAREA');
    expect(describedBy(notes)).toEqual(['Wie is de buddy?']);
  });

  it('disables save while busy and offers cancel only with a handler', () => {
    const onCancel = vi.fn();
    const { rerender } = render(<FormActions submitLabel="Opslaan" submitTestId="save" isBusy onCancel={onCancel} />);
    expect(screen.getByTestId<HTMLButtonElement>('save').disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Annuleren' }));
    expect(onCancel).toHaveBeenCalledOnce();
    rerender(<FormActions submitLabel="Opslaan" submitTestId="save" />);
    expect(screen.getByTestId<HTMLButtonElement>('save').disabled).toBe(false);
    expect(screen.queryByRole('button', { name: 'Annuleren' })).toBeNull();
  });
});
