import type { CreateOrgBody, Org } from '#core/orgs/contract/org.schema.ts';
export const a: CreateOrgBody['type'] = 'school';
export const b: Org['type'] = 'school';
export const c: NonNullable<CreateOrgBody['stage']> = 'primary';
