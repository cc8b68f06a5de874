import type { SchoolStage } from '#core/orgs/contract/org-types.ts';
import {
  BIRTH_YEARS,
  DEMO_REGIONS,
  DEMO_SEED,
  PARENT_AGE_GAP,
  SCHOOL_NAMES,
  SCHOOL_YEAR_START,
  STAGE_RULES,
  STUDENTS_PER_SCHOOL,
  TEACHERS_PER_SCHOOL,
  divisionOf,
  type DemoCity,
  type DemoCounty,
} from './demo-data.ts';
import { PersonMaker, surnameOf, type Gender, type IsoDate } from './demo-people.ts';
import { SeededRandom } from './seeded-random.ts';

export type DemoRole = 'org_admin' | 'reviewer' | 'teacher' | 'student' | 'parent';

export interface DemoGrant {
  role: DemoRole;
  orgCode: string;
}

export interface DemoPerson {
  account: string;
  realName: string;
  gender: Gender;
  birthDate: IsoDate;
  idNumber: string;
  /** Adults only. */
  phone: string | null;
  /** The org the account belongs to. */
  orgCode: string;
  grants: DemoGrant[];
}

export interface DemoSchool {
  code: string;
  name: string;
  shortName: string;
  stage: SchoolStage;
  countyCode: string;
  divisionCode: string;
}

/** Everything the demo will create, decided before anything is written. */
export interface DemoPlan {
  schools: DemoSchool[];
  people: DemoPerson[];
}

const range = (count: number) => Array.from({ length: count }, (_, i) => i);

/** The same plan for the same seed, on any machine and any day. */
export function planDemo(seed: number = DEMO_SEED): DemoPlan {
  const planner = new DemoPlanner(new SeededRandom(seed));
  DEMO_REGIONS.forEach((province, p) => {
    const { city } = province;
    const cityDivisions = city.counties.map((c) => divisionOf(c.code));
    planner.official(`demo-admin-${province.code.toLowerCase()}`, province.code, cityDivisions, 'org_admin');
    planner.official(`demo-reviewer-${city.code.toLowerCase()}`, city.code, cityDivisions, 'reviewer');
    city.counties.forEach((county, c) => {
      planner.official(`demo-admin-${county.code.toLowerCase()}`, county.code, [divisionOf(county.code)], 'org_admin');
      // One account in the whole sample teaches at one school and is a parent at another.
      planner.county(city, county, { withTeacherParent: p === 0 && c === 0 });
    });
  });
  return { schools: planner.schools, people: planner.people };
}

class DemoPlanner {
  readonly schools: DemoSchool[] = [];
  readonly people: DemoPerson[] = [];
  private readonly make: PersonMaker;
  private readonly counters = { teacher: 0, student: 0, parent: 0 };

  constructor(private readonly random: SeededRandom) {
    this.make = new PersonMaker(random);
  }

  /** An administrator or reviewer of an education authority, registered in one of `divisions`. */
  official(account: string, orgCode: string, divisions: string[], role: DemoRole): void {
    const gender = this.make.gender();
    const birthDate = this.make.dateBetween(`${BIRTH_YEARS.official[0]}-01-01`, `${BIRTH_YEARS.official[1]}-12-31`);
    this.people.push({
      account,
      realName: this.make.name(gender, 'adult'),
      gender,
      birthDate,
      idNumber: this.make.idNumber(this.random.pick(divisions), birthDate, gender),
      phone: this.make.phone(),
      orgCode,
      grants: [{ role, orgCode }],
    });
  }

  /** The county's schools with their students and teachers, then one parent. */
  county(city: DemoCity, county: DemoCounty, options: { withTeacherParent: boolean }): void {
    const schools = this.schoolsOf(city, county);
    const students = schools.map((school) => range(STUDENTS_PER_SCHOOL).map(() => this.student(school)));
    const teacherParentChild = options.withTeacherParent ? students[1][0] : undefined;
    schools.forEach((school, s) => {
      for (const t of range(TEACHERS_PER_SCHOOL)) this.teacher(school, s === 0 && t === 0 ? teacherParentChild : undefined);
    });
    const others = students.flat().filter((student) => student !== teacherParentChild);
    this.parent(this.random.pick(others));
  }

  private schoolsOf(city: DemoCity, county: DemoCounty): DemoSchool[] {
    const divisionCode = divisionOf(county.code);
    const names = this.random.sample(SCHOOL_NAMES, county.stages.length);
    const serials = this.random.sample(
      range(299).map((n) => n + 1),
      county.stages.length,
    );
    const schools = county.stages.map((stage, i): DemoSchool => {
      const shortName = names[i] + STAGE_RULES[stage]!.suffix;
      return {
        // Shaped like a 学校标识码: 2, the county's division code, a serial.
        code: `2${divisionCode}${String(serials[i]).padStart(3, '0')}`,
        name: `${city.name}${county.name}${shortName}`,
        shortName,
        stage,
        countyCode: county.code,
        divisionCode,
      };
    });
    this.schools.push(...schools);
    return schools;
  }

  private student(school: DemoSchool): DemoPerson {
    const rule = STAGE_RULES[school.stage]!;
    const age = rule.entryAge + this.random.int(0, rule.grades - 1);
    // Born in the twelve months that make them `age` when the school year starts.
    const year = SCHOOL_YEAR_START.year - age;
    const birthDate = this.make.dateBetween(`${year - 1}-09-01`, `${year}-08-31`);
    const gender = this.make.gender();
    const person: DemoPerson = {
      account: `demo-s-${++this.counters.student}`,
      realName: this.make.name(gender, 'child'),
      gender,
      birthDate,
      idNumber: this.make.idNumber(school.divisionCode, birthDate, gender),
      phone: null,
      orgCode: school.code,
      grants: [{ role: 'student', orgCode: school.code }],
    };
    this.people.push(person);
    return person;
  }

  private teacher(school: DemoSchool, child?: DemoPerson): void {
    const [earliest, latest] = BIRTH_YEARS.teacher;
    const gender = this.make.gender();
    const years = child ? this.parentYears(child, earliest, latest) : [earliest, latest];
    const birthDate = this.make.dateBetween(`${years[0]}-01-01`, `${years[1]}-12-31`);
    this.people.push({
      account: `demo-t-${++this.counters.teacher}`,
      realName: this.adultName(gender, child),
      gender,
      birthDate,
      idNumber: this.make.idNumber(school.divisionCode, birthDate, gender),
      phone: this.make.phone(),
      orgCode: school.code,
      grants: [{ role: 'teacher', orgCode: school.code }, ...(child ? [{ role: 'parent' as const, orgCode: child.orgCode }] : [])],
    });
  }

  private parent(child: DemoPerson): void {
    const gender = this.make.gender();
    const years = this.parentYears(child, 1960, 2000);
    const birthDate = this.make.dateBetween(`${years[0]}-01-01`, `${years[1]}-12-31`);
    this.people.push({
      account: `demo-p-${++this.counters.parent}`,
      realName: this.adultName(gender, child),
      gender,
      birthDate,
      idNumber: this.make.idNumber(child.idNumber.slice(0, 6), birthDate, gender),
      phone: this.make.phone(),
      orgCode: child.orgCode,
      grants: [{ role: 'parent', orgCode: child.orgCode }],
    });
  }

  /** Children usually carry their father's surname; a mother keeps her own. */
  private adultName(gender: Gender, child?: DemoPerson): string {
    if (child && gender === 'male') return this.make.name(gender, 'adult', surnameOf(child.realName));
    return this.make.name(gender, 'adult');
  }

  private parentYears(child: DemoPerson, earliest: number, latest: number): [number, number] {
    const childYear = Number(child.birthDate.slice(0, 4));
    return [Math.max(earliest, childYear - PARENT_AGE_GAP[1]), Math.min(latest, childYear - PARENT_AGE_GAP[0])];
  }
}
