import type { FormField } from '../contract/campaign-rules.ts';

export interface FieldProblem {
  field: string;
  problem: 'required' | 'type' | 'too_long' | 'not_an_option' | 'out_of_range' | 'unknown';
}

const URL_PATTERN = /^https?:\/\/[^\s/$.?#][^\s]*$/i;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function fieldProblem(field: FormField, value: unknown): FieldProblem['problem'] | null {
  if (value === undefined || value === null || value === '') return field.required ? 'required' : null;
  if (field.type === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return 'type';
    if ((field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max)) return 'out_of_range';
    return null;
  }
  if (typeof value !== 'string') return 'type';
  if (field.required && value.trim() === '') return 'required';
  if (field.maxLength !== undefined && [...value].length > field.maxLength) return 'too_long';
  if (field.type === 'select' && !(field.options ?? []).includes(value)) return 'not_an_option';
  if (field.type === 'url' && !URL_PATTERN.test(value)) return 'type';
  if (field.type === 'date' && !DATE_PATTERN.test(value)) return 'type';
  return null;
}

/**
 * Checks an application's values against the campaign's form: every required field present,
 * each of its type and limits, nothing the form does not define. Returns the cleaned values
 * (strings trimmed) and the problems, one per field.
 */
export function validateForm(
  form: FormField[],
  values: Record<string, unknown>,
): { values: Record<string, string | number>; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const clean: Record<string, string | number> = {};
  for (const field of form) {
    const raw = typeof values[field.key] === 'string' ? (values[field.key] as string).trim() : values[field.key];
    const problem = fieldProblem(field, raw);
    if (problem) problems.push({ field: field.key, problem });
    else if (raw !== undefined && raw !== null && raw !== '') clean[field.key] = raw as string | number;
  }
  for (const key of Object.keys(values)) if (!form.some((f) => f.key === key)) problems.push({ field: key, problem: 'unknown' });
  return { values: clean, problems };
}
