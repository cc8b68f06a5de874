import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { fieldErrors, problemMessage } from './problem-message.ts';
import { testI18n } from './testing/render.tsx';

describe('problem messages in the console', () => {
  const i18n = testI18n({
    orgs: { errors: { 'orgs.code_taken': '机构代码 {{code}} 已被使用' } },
    shell: { error: { network: '网络错误' } },
  });

  it("turns a problem code into the module's words with params filled in", () => {
    const e = new ApiError({ status: 409, code: 'orgs.code_taken', params: { code: 'GB110000' } });
    expect(problemMessage(i18n, e)).toBe('机构代码 GB110000 已被使用');
  });

  it("falls back to the server's detail for a code the console does not know", () => {
    expect(problemMessage(i18n, new ApiError({ status: 400, code: 'x.unknown', detail: '服务器的说明' }))).toBe('服务器的说明');
  });

  it('calls anything that is not a problem a network error', () => {
    expect(problemMessage(i18n, new TypeError('Failed to fetch'))).toBe('网络错误');
  });

  it('lists the fields a validation problem names', () => {
    const e = new ApiError({ status: 400, code: 'request.invalid', params: { fields: [{ field: 'account', message: 'too short' }] } });
    expect(fieldErrors(e)).toEqual({ account: 'too short' });
    expect(fieldErrors(new ApiError({ status: 400, code: 'users.id_number_check_digit', params: { field: 'idNumber' } }))).toEqual({
      idNumber: '',
    });
  });
});
