import { describe, expect, it } from 'vitest';
import { redactLogLine } from './log-redaction.ts';

describe('redactLogLine', () => {
  it('masks ID numbers and phones inside the strings of a log line', () => {
    const line = JSON.stringify({
      level: 30,
      time: 1733328000123,
      req: { url: '/api/users?q=11010519491231002X' },
      msg: 'phone 13812345678',
    });
    const out = JSON.parse(redactLogLine(line));
    expect(out.req.url).toBe('/api/users?q=110***********002X');
    expect(out.msg).toBe('phone 138****5678');
  });

  it('keeps numbers outside strings whole, so the line stays valid JSON with its time', () => {
    const line = `${JSON.stringify({ level: 30, time: 1733328000123, responseTime: 0.12345678901234, pid: 4242, msg: 'done' })}\n`;
    expect(redactLogLine(line)).toBe(line);
  });

  it('keeps escaped quotes within a string', () => {
    const line = JSON.stringify({ msg: 'said "13812345678" twice' });
    expect(JSON.parse(redactLogLine(line)).msg).toBe('said "138****5678" twice');
  });
});
