import { afterEach, expect, it, vi } from 'vitest';
import { api, ApiError, setSessionStepHandler } from './api.ts';

const answer = (status: number, body: unknown) =>
  vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } }));

afterEach(() => {
  setSessionStepHandler(null);
  vi.unstubAllGlobals();
});

it('sends the console back through the sign-in step the server asks for', async () => {
  const step = vi.fn();
  setSessionStepHandler(step);
  vi.stubGlobal('fetch', answer(403, { status: 403, code: 'auth.mfa_enrolment_required' }));
  await expect(api.get('/api/users')).rejects.toBeInstanceOf(ApiError);
  expect(step).toHaveBeenCalledTimes(1);
});

it('leaves an ordinary refusal to the page', async () => {
  const step = vi.fn();
  setSessionStepHandler(step);
  vi.stubGlobal('fetch', answer(403, { status: 403, code: 'access.forbidden' }));
  await expect(api.get('/api/users')).rejects.toBeInstanceOf(ApiError);
  expect(step).not.toHaveBeenCalled();
});
