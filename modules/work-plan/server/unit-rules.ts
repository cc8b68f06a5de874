/**
 * Collective names in 责任单位 lists stand for every org of some types under the issuer
 * (地方各级教育行政部门 = the provincial, city and county authorities). The rest name one org.
 */
const COLLECTIVES: Array<[RegExp, string[]]> = [
  [/^地方各级教育行政部门/, ['provincial_authority', 'city_authority', 'county_authority']],
  [/^(各)?省级教育行政部门$/, ['provincial_authority']],
  [/^(各)?(市级|地市)教育行政部门$|^各(地|设区)?市(级)?教育局$/, ['city_authority']],
  [/^(各)?(县级|区县)教育行政部门$|^各(区)?县(市、区|\(市、区\))?教育局$/, ['county_authority']],
  [/^各?部属高校$|^各高校$/, ['university']],
  [/^各司局和直属单位$/, ['department', 'affiliated_unit']],
  [/^相关(业务)?司局$|^各司局$/, ['department']],
  [/^各直属单位$/, ['affiliated_unit']],
  [/^各(级各类)?学校$/, ['school']],
];

export function collectiveTypes(name: string): string[] | null {
  for (const [pattern, types] of COLLECTIVES) if (pattern.test(name)) return types;
  return null;
}
