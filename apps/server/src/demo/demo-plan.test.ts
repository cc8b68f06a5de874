import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from '#core/auth/server/password.ts';
import { checkIdNumber } from '#core/users/server/id-number.ts';
import { BIRTH_YEARS, DEFAULT_DEMO_PASSWORD, SCHOOL_YEAR_START, STAGE_RULES } from './demo-data.ts';
import { planDemo, type DemoPerson } from './demo-plan.ts';

const plan = planDemo();
const schoolOf = new Map(plan.schools.map((s) => [s.code, s]));
const ageAtSchoolYearStart = (birthDate: string) => {
  const [y, m, d] = birthDate.split('-').map(Number);
  const { year, month, day } = SCHOOL_YEAR_START;
  return year - y - (m > month || (m === month && d > day) ? 1 : 0);
};
const withRole = (role: string) => plan.people.filter((p) => p.grants.some((g) => g.role === role));
const year = (p: DemoPerson) => Number(p.birthDate.slice(0, 4));

describe('planDemo', () => {
  it('returns the same plan for the same seed and a different one for another seed', () => {
    expect(planDemo()).toEqual(plan);
    expect(planDemo(7).people.map((p) => p.realName)).not.toEqual(plan.people.map((p) => p.realName));
  });

  it('gives schools of every common stage unique 10-digit codes under their county', () => {
    expect(new Set(plan.schools.map((s) => s.stage))).toEqual(
      new Set(['kindergarten', 'primary', 'junior', 'senior', 'nine_year', 'secondary_vocational']),
    );
    expect(new Set(plan.schools.map((s) => s.code)).size).toBe(plan.schools.length);
    expect(new Set(plan.schools.map((s) => s.name)).size).toBe(plan.schools.length);
    for (const s of plan.schools) expect(s.code).toMatch(new RegExp(`^2${s.divisionCode}\\d{3}$`));
  });

  it('makes every ID number valid, unique, and consistent with the birth date and gender', () => {
    expect(new Set(plan.people.map((p) => p.idNumber)).size).toBe(plan.people.length);
    for (const p of plan.people) {
      const checked = checkIdNumber(p.idNumber, new Date('2026-01-01'));
      expect(checked, p.account).toMatchObject({ ok: true, birthDate: p.birthDate, gender: p.gender });
    }
  });

  it("registers school people in their school's county", () => {
    for (const p of plan.people.filter((x) => schoolOf.has(x.orgCode))) {
      expect(p.idNumber.slice(0, 6), p.account).toBe(schoolOf.get(p.orgCode)!.divisionCode);
    }
  });

  it('gives students an age that fits their school stage', () => {
    for (const s of withRole('student')) {
      const rule = STAGE_RULES[schoolOf.get(s.orgCode)!.stage]!;
      expect(ageAtSchoolYearStart(s.birthDate), s.account).toBeGreaterThanOrEqual(rule.entryAge);
      expect(ageAtSchoolYearStart(s.birthDate), s.account).toBeLessThanOrEqual(rule.entryAge + rule.grades - 1);
      expect(s.phone).toBeNull();
    }
  });

  it('has teachers born 1970–1998 and adults with unique mainland mobiles', () => {
    for (const t of withRole('teacher')) {
      expect(year(t), t.account).toBeGreaterThanOrEqual(BIRTH_YEARS.teacher[0]);
      expect(year(t), t.account).toBeLessThanOrEqual(BIRTH_YEARS.teacher[1]);
    }
    const adults = plan.people.filter((p) => !p.grants.some((g) => g.role === 'student'));
    for (const a of adults) expect(a.phone).toMatch(/^1[3-9]\d{9}$/);
    expect(new Set(adults.map((a) => a.phone)).size).toBe(adults.length);
  });

  it('has exactly one account that teaches at one school and is a parent at another', () => {
    const both = plan.people.filter((p) => p.grants.length > 1);
    expect(both).toHaveLength(1);
    expect(both[0].grants.map((g) => g.role)).toEqual(['teacher', 'parent']);
    expect(both[0].grants[0].orgCode).not.toBe(both[0].grants[1].orgCode);
  });

  it('has an org admin per province and county and a reviewer per city', () => {
    expect(withRole('org_admin').map((p) => p.account)).toEqual([
      'demo-admin-gb130000',
      'demo-admin-gb130102',
      'demo-admin-gb130104',
      'demo-admin-gb330000',
      'demo-admin-gb330102',
      'demo-admin-gb330106',
    ]);
    expect(withRole('reviewer').map((p) => p.account)).toEqual(['demo-reviewer-gb130100', 'demo-reviewer-gb330100']);
  });

  it('accepts the default demo password for every account under the password policy', () => {
    for (const p of plan.people)
      expect(checkPasswordPolicy(DEFAULT_DEMO_PASSWORD, { account: p.account, realName: p.realName })).toEqual([]);
  });
});
