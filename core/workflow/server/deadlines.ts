import { addWorkingDays, beijingWallClock, type WorkflowStep } from '#kernel';

const HOUR = 3600_000;

/**
 * When a step entered at `enteredAt` falls due (after `dueWorkingDays` working days, or else
 * `deadlineHours` hours), and when its assignees are reminded. No
 * deadline, no reminder; a reminder that would come at or before entry is not sent, since
 * the assignment itself was just announced.
 */
export function stepDeadlines(
  step: Pick<WorkflowStep, 'deadlineHours' | 'dueWorkingDays' | 'reminderHoursBefore'>,
  enteredAt: Date,
): { dueAt: string | null; remindAt: string | null } {
  const due =
    step.dueWorkingDays && step.dueWorkingDays > 0
      ? addWorkingDays(enteredAt, step.dueWorkingDays).getTime()
      : step.deadlineHours && step.deadlineHours > 0
        ? enteredAt.getTime() + step.deadlineHours * HOUR
        : null;
  if (due === null) return { dueAt: null, remindAt: null };
  const remind = step.reminderHoursBefore && step.reminderHoursBefore > 0 ? due - step.reminderHoursBefore * HOUR : null;
  return {
    dueAt: new Date(due).toISOString(),
    remindAt: remind !== null && remind > enteredAt.getTime() ? new Date(remind).toISOString() : null,
  };
}

/** True when an open step's due time has passed. */
export const isOverdue = (dueAt: string | null, now: Date): boolean => dueAt !== null && dueAt <= now.toISOString();

/** A due time as people read it in notices: Beijing time, to the minute ("2026-12-01 17:00"). */
export const beijingMinute = (iso: string): string => beijingWallClock(new Date(iso)).toISOString().slice(0, 16).replace('T', ' ');
