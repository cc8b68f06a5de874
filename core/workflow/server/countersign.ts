import type { CountersignRule } from '#kernel';

export type Vote = 'approve' | 'reject' | null;
export type StepOutcome = 'approved' | 'rejected' | 'pending';

/**
 * Whether a step is decided by the votes of its signers (null: not yet voted). A step decides
 * as soon as the remaining votes cannot change the result: `all` fails on the first rejection,
 * `any` passes on the first approval, `majority` needs more than half, so a tie fails.
 * A step without a countersign rule is `all` over its tasks (one, plus any added signers).
 */
export function stepOutcome(rule: CountersignRule, votes: Vote[]): StepOutcome {
  const n = votes.length;
  const approvals = votes.filter((v) => v === 'approve').length;
  const rejections = votes.filter((v) => v === 'reject').length;
  if (n === 0) return 'pending';
  switch (rule) {
    case 'all':
      if (rejections > 0) return 'rejected';
      return approvals === n ? 'approved' : 'pending';
    case 'any':
      if (approvals > 0) return 'approved';
      return rejections === n ? 'rejected' : 'pending';
    case 'majority':
      if (approvals * 2 > n) return 'approved';
      // The approvals still possible cannot make more than half.
      return (n - rejections) * 2 <= n ? 'rejected' : 'pending';
  }
}
