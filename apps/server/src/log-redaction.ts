import { maskPersonalNumbers } from '#core/users/server/id-number.ts';

// A JSON string literal, escapes included; numbers outside strings (time, pid, durations) are left whole.
const JSON_STRING = /"(?:[^"\\]|\\.)*"/g;

/**
 * The last step before a log line is written (pino's streamWrite hook): every ID-number-like or
 * phone-like run in any string of the line is masked. Done on the finished line rather than per
 * field, so a request URL with a search in it, an error message quoting the URL or a field a new
 * route chooses to log are all covered without anyone remembering to.
 */
export function redactLogLine(line: string): string {
  return line.replace(JSON_STRING, (literal) => maskPersonalNumbers(literal));
}
