import { BUILTIN_ROLES } from '#core/access/contract/permissions.ts';
import { DEMO_REGIONS } from './demo-data.ts';
import type { DemoPerson, DemoPlan } from './demo-plan.ts';
import type { SampleCounts } from './demo.repo.ts';

const roleName = (code: string) => BUILTIN_ROLES.find((r) => r.code === code)?.name ?? code;
const roleRank = (code: string) => BUILTIN_ROLES.findIndex((r) => r.code === code);

/** Display names of the orgs the plan refers to, as the reference data and the plan name them. */
function orgNames(plan: DemoPlan): Map<string, string> {
  const names = new Map<string, string>();
  for (const province of DEMO_REGIONS) {
    names.set(province.code, `${province.name}教育厅`);
    names.set(province.city.code, `${province.city.name}教育局`);
    for (const county of province.city.counties) names.set(county.code, `${province.city.name}${county.name}教育局`);
  }
  for (const school of plan.schools) names.set(school.code, school.name);
  return names;
}

function describe(person: DemoPerson, names: Map<string, string>): string {
  const roles = person.grants.map((g) => `${names.get(g.orgCode)} ${roleName(g.role)}`).join('，兼 ');
  return `${person.account.padEnd(22)}${person.realName}：${roles}`;
}

/** The accounts worth trying first: an authority admin, the teacher who is also a parent, a student. */
export function accountsToTry(plan: DemoPlan): DemoPerson[] {
  const countyAdmin = plan.people.find((p) => p.account === `demo-admin-${DEMO_REGIONS[0].city.counties[0].code.toLowerCase()}`);
  const teacherParent = plan.people.find((p) => p.grants.length > 1);
  const student = plan.people.find((p) => p.grants[0].role === 'student');
  return [countyAdmin, teacherParent, student].filter((p): p is DemoPerson => !!p);
}

export function printDemoSummary(
  out: (line: string) => void,
  counts: SampleCounts,
  plan: DemoPlan,
  password: { value: string; fromEnv: boolean },
): void {
  const names = orgNames(plan);
  const counties = DEMO_REGIONS.reduce((n, p) => n + p.city.counties.length, 0);
  out('已写入示例数据（示例数据：机构和用户均标记为 is_sample = 1，仅供演示和培训，请勿录入真实信息）。');
  out(`  机构：${counts.orgs} 所示例学校，分布在${DEMO_REGIONS.map((p) => p.name).join('、')}的 ${counties} 个区县`);
  out(`  用户：${counts.users} 个示例账号`);
  const byRoleOrder = [...counts.grantsByRole].sort((a, b) => roleRank(a.code) - roleRank(b.code));
  out(`  授权：${byRoleOrder.map((g) => `${g.name} ${g.count}`).join('，')}`);
  out(
    `全部示例账号的密码：${password.value}（${password.fromEnv ? '来自环境变量 EDUCLOUD_DEMO_PASSWORD' : '内置示例密码，可用环境变量 EDUCLOUD_DEMO_PASSWORD 另行指定'}）`,
  );
  out('可以先试这几个示例账号：');
  for (const person of accountsToTry(plan)) {
    const note = person.grants.some((g) => g.role === 'org_admin') ? '（管理员角色，首次登录须绑定动态口令 TOTP）' : '';
    out(`  ${describe(person, names)}${note}`);
  }
}
