import { idCheckDigit } from '#core/users/server/id-number.ts';
import { COMMON_SURNAMES, COMPOUND_SURNAMES, GIVEN_NAME_CHARACTERS, GIVEN_NAMES, MOBILE_PREFIXES, OTHER_SURNAMES } from './demo-data.ts';
import type { SeededRandom } from './seeded-random.ts';

export type Gender = 'male' | 'female';
export type Generation = keyof typeof GIVEN_NAMES;

/** An ISO calendar date, yyyy-mm-dd. */
export type IsoDate = string;

const DAY_MS = 24 * 60 * 60 * 1000;

export const surnameOf = (name: string): string => COMPOUND_SURNAMES.find((s) => name.startsWith(s)) ?? name[0];

const toIso = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);
const fromIso = (date: IsoDate): number => Date.parse(`${date}T00:00:00Z`);

/**
 * Invents plausible people: names, birth dates, resident ID numbers and mobile numbers.
 * It remembers what it handed out, so ID numbers and phones never repeat within a run.
 */
export class PersonMaker {
  private readonly idNumbers = new Set<string>();
  private readonly phones = new Set<string>();

  constructor(private readonly random: SeededRandom) {}

  gender(): Gender {
    return this.random.chance(0.5) ? 'male' : 'female';
  }

  surname(): string {
    if (this.random.chance(0.7)) return this.random.pick(COMMON_SURNAMES);
    return this.random.chance(0.03) ? this.random.pick(COMPOUND_SURNAMES) : this.random.pick(OTHER_SURNAMES);
  }

  /** A surname plus a given name; two-character given names are the more common. */
  name(gender: Gender, generation: Generation, surname: string = this.surname()): string {
    const given = this.random.chance(0.75)
      ? this.random.pick(GIVEN_NAMES[generation][gender])
      : this.random.pick(GIVEN_NAME_CHARACTERS[gender]);
    return surname + given;
  }

  /** A day between `from` and `to`, both included. */
  dateBetween(from: IsoDate, to: IsoDate): IsoDate {
    const days = Math.round((fromIso(to) - fromIso(from)) / DAY_MS);
    return toIso(fromIso(from) + this.random.int(0, days) * DAY_MS);
  }

  /**
   * An 18-digit resident ID number (GB 11643): region, birth date, a sequence whose last
   * digit is odd for men and even for women, and the check digit.
   */
  idNumber(divisionCode: string, birthDate: IsoDate, gender: Gender): string {
    for (;;) {
      const parity = gender === 'male' ? 1 : 0;
      const sequence = String(this.random.int(0, 99)).padStart(2, '0') + String(this.random.int(0, 4) * 2 + parity);
      const first17 = divisionCode + birthDate.replaceAll('-', '') + sequence;
      const value = first17 + idCheckDigit(first17);
      if (!this.idNumbers.has(value)) {
        this.idNumbers.add(value);
        return value;
      }
    }
  }

  /** An 11-digit mainland mobile number. */
  phone(): string {
    for (;;) {
      const value = this.random.pick(MOBILE_PREFIXES) + String(this.random.int(0, 99_999_999)).padStart(8, '0');
      if (!this.phones.has(value)) {
        this.phones.add(value);
        return value;
      }
    }
  }
}
