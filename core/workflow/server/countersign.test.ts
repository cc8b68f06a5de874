import { describe, expect, it } from 'vitest';
import { stepOutcome, type Vote } from './countersign.ts';

const votes = (text: string): Vote[] => [...text].map((c) => (c === 'a' ? 'approve' : c === 'r' ? 'reject' : null));

describe('stepOutcome', () => {
  it('all: every signer must approve; the first rejection fails the step', () => {
    expect(stepOutcome('all', votes('aa-'))).toBe('pending');
    expect(stepOutcome('all', votes('aaa'))).toBe('approved');
    expect(stepOutcome('all', votes('r--'))).toBe('rejected');
    expect(stepOutcome('all', votes('a'))).toBe('approved');
  });

  it('any: the first approval passes; only everyone rejecting fails', () => {
    expect(stepOutcome('any', votes('--a'))).toBe('approved');
    expect(stepOutcome('any', votes('rr-'))).toBe('pending');
    expect(stepOutcome('any', votes('rrr'))).toBe('rejected');
  });

  it('majority: more than half passes, and decides as soon as the rest cannot change it', () => {
    expect(stepOutcome('majority', votes('aa-'))).toBe('approved');
    expect(stepOutcome('majority', votes('a--'))).toBe('pending');
    expect(stepOutcome('majority', votes('rr-'))).toBe('rejected');
    expect(stepOutcome('majority', votes('ar-'))).toBe('pending');
    expect(stepOutcome('majority', votes('aaa--'))).toBe('approved');
  });

  it('majority: a tie is not a majority', () => {
    expect(stepOutcome('majority', votes('aarr'))).toBe('rejected');
    expect(stepOutcome('majority', votes('rr--'))).toBe('rejected');
    expect(stepOutcome('majority', votes('aa--'))).toBe('pending');
    expect(stepOutcome('majority', votes('ar'))).toBe('rejected');
  });

  it('waits when there is nobody to vote', () => {
    expect(stepOutcome('all', [])).toBe('pending');
  });
});
