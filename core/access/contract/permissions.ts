export const AccessPermissions = {
  readRoles: 'access.role.read',
  manageRoles: 'access.role.manage',
  readGrants: 'access.grant.read',
  manageGrants: 'access.grant.manage',
} as const;

/** Built-in roles. `isAdmin` roles require a second factor (TOTP) at sign-in (MLPS level 3). */
export const BUILTIN_ROLES = [
  {
    code: 'platform_admin',
    name: '平台管理员',
    nameEn: 'Platform administrator',
    isAdmin: true,
    description: '拥有全部权限，作用于被授权机构及其全部下级',
  },
  { code: 'org_admin', name: '机构管理员', nameEn: 'Org administrator', isAdmin: true, description: '管理本机构及下级的机构、用户和授权' },
  { code: 'reviewer', name: '审核员', nameEn: 'Reviewer', isAdmin: false, description: '审核本机构及下级提交的申请和报告' },
  { code: 'expert', name: '评审专家', nameEn: 'Expert', isAdmin: false, description: '对分配的申报进行评分' },
  { code: 'teacher', name: '教师', nameEn: 'Teacher', isAdmin: false, description: '学校教师' },
  { code: 'student', name: '学生', nameEn: 'Student', isAdmin: false, description: '在校学生' },
  { code: 'parent', name: '家长', nameEn: 'Parent', isAdmin: false, description: '学生家长' },
  {
    code: 'security_officer',
    name: '网络安全员',
    nameEn: 'Security officer',
    isAdmin: false,
    description: '处理漏洞通报、安全事件和等级保护工作',
  },
  { code: 'data_steward', name: '数据管理员', nameEn: 'Data steward', isAdmin: false, description: '管理数据标准、目录和共享' },
  { code: 'enterprise_user', name: '企业用户', nameEn: 'Enterprise user', isAdmin: false, description: '应用提供方等企业的用户' },
] as const;

export type BuiltinRoleCode = (typeof BUILTIN_ROLES)[number]['code'];
