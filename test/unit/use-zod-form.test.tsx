// @vitest-environment happy-dom
// The form's state: the schema's messages show from the first submit on and stay live; the schema
// is not asked before that (the popup's first render waits for nothing it does not show).
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod/mini';
import { useZodForm } from '@/components/use-zod-form';

const schema = z.object({
  name: z.string().check(z.minLength(1, 'Name is required')),
  code: z.string().check(z.regex(/^\d{3}$/, 'Three digits')),
});

function TwoFields({ onValid }: { onValid(data: { name: string; code: string }): Promise<void> }) {
  const form = useZodForm(schema, { name: '', code: '' });
  return (
    <form onSubmit={form.handleSubmit(onValid)} noValidate>
      <input aria-label="Name" {...form.field('name')} aria-invalid={form.error('name') !== undefined} />
      <span>{form.error('name')}</span>
      <input aria-label="Code" {...form.field('code')} aria-invalid={form.error('code') !== undefined} />
      <span>{form.error('code')}</span>
      <button type="submit">Send</button>
    </form>
  );
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('useZodForm', () => {
  it('asks the schema only from the first submit on, and then keeps its messages live', async () => {
    const parse = vi.spyOn(schema, 'safeParse');
    const onValid = vi.fn(async () => undefined);
    render(<TwoFields onValid={onValid} />);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Gate' } });
    fireEvent.change(screen.getByLabelText('Code'), { target: { value: '12' } });
    expect(parse).not.toHaveBeenCalled();
    expect(screen.queryByText('Three digits')).toBeNull();

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send' })));
    expect(parse).toHaveBeenCalled();
    expect(onValid).not.toHaveBeenCalled();
    expect(screen.getByText('Three digits')).toBeTruthy();
    expect(screen.queryByText('Name is required')).toBeNull();

    // Live from then on: the message goes as the value becomes valid, and one comes as it breaks.
    fireEvent.change(screen.getByLabelText('Code'), { target: { value: '123' } });
    expect(screen.queryByText('Three digits')).toBeNull();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: '' } });
    expect(screen.getByText('Name is required')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Gate 4' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send' })));
    expect(onValid).toHaveBeenCalledExactlyOnceWith({ name: 'Gate 4', code: '123' });
  });

  it('puts the focus on the first field refused, at each refused submit', async () => {
    render(<TwoFields onValid={vi.fn(async () => undefined)} />);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Gate' } });
    fireEvent.change(screen.getByLabelText('Code'), { target: { value: '12' } });

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send' })));
    expect(document.activeElement).toBe(screen.getByLabelText('Code'));

    // Refused again, for another field first: the focus goes there, from wherever it was.
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: '' } });
    screen.getByRole('button', { name: 'Send' }).focus();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send' })));
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));
  });

  it('puts the focus on the field refused after two quick refused submits, and at the next one', async () => {
    render(<TwoFields onValid={vi.fn(async () => undefined)} />);
    const send = screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement;
    const settled = () => new Promise((resolve) => setTimeout(resolve, 20));
    // As in the browser, clicks not wrapped in act(): React draws the first refusal and moves the
    // focus, and the second submit comes before React's later, lower-priority work has run.
    const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
    try {
      send.click();
      await Promise.resolve();
      expect(document.activeElement).toBe(screen.getByLabelText('Name'));
      send.focus();
      send.click();
      await settled();
      expect(document.activeElement).toBe(screen.getByLabelText('Name'));

      send.focus();
      send.click();
      await settled();
      expect(document.activeElement).toBe(screen.getByLabelText('Name'));
    } finally {
      actEnvironment.IS_REACT_ACT_ENVIRONMENT = true;
    }
  });

  it('holds the fields still while a submission is on its way, and lets go of them after', async () => {
    let finish: () => void = () => undefined;
    const onValid = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    render(<TwoFields onValid={onValid} />);
    const name = screen.getByLabelText('Name') as HTMLInputElement;
    fireEvent.change(name, { target: { value: 'Gate' } });
    fireEvent.change(screen.getByLabelText('Code'), { target: { value: '123' } });

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send' })));
    expect(onValid).toHaveBeenCalledExactlyOnceWith({ name: 'Gate', code: '123' });
    expect(name.readOnly).toBe(true);
    // What it sends is what the field shows: a change now is not taken.
    fireEvent.change(name, { target: { value: 'Gate 4' } });
    expect(name.value).toBe('Gate');

    await act(async () => finish());
    expect(name.readOnly).toBe(false);
    fireEvent.change(name, { target: { value: 'Gate 4' } });
    expect(name.value).toBe('Gate 4');
  });

  it('sends valid values at the first submit', async () => {
    const onValid = vi.fn(async () => undefined);
    render(<TwoFields onValid={onValid} />);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Gate' } });
    fireEvent.change(screen.getByLabelText('Code'), { target: { value: '007' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send' })));
    expect(onValid).toHaveBeenCalledExactlyOnceWith({ name: 'Gate', code: '007' });
  });
});
