import { newId, type Ctx } from '#kernel';
import { createOrg } from '#core/orgs/server/org.service.ts';
import { updateOrg } from '#core/orgs/server/org.repo.ts';
import { createUser } from '#core/users/server/user.service.ts';
import { findUserById, insertUsers, type UserRow } from '#core/users/server/user.repo.ts';
import { fieldCipher } from '#core/users/server/field-crypto.ts';
import { checkIdNumber, checkPhone, maskIdNumber, maskPhone } from '#core/users/server/id-number.ts';
import { grantByCode } from '#core/access/server/access.service.ts';
import type { DemoPerson, DemoPlan, DemoSchool } from './demo-plan.ts';

export interface OrgRef {
  id: string;
  path: string;
}

/**
 * Writes the plan through the core services on the caller's transaction, so every org, user
 * and grant gets its own audit record, and a failure leaves nothing behind.
 */
export async function writeDemoPlan(tx: Ctx, plan: DemoPlan, authorities: Map<string, OrgRef>, password: string): Promise<void> {
  if (!tx.inTransaction) throw new Error('writeDemoPlan needs a transaction');
  const orgs = new Map(authorities);
  for (const school of plan.schools) orgs.set(school.code, await createSampleSchool(tx, school, orgs));
  const userIds = await createSampleUsers(tx, plan.people, orgs, password);
  for (const person of plan.people) {
    for (const grant of person.grants) await grantByCode(tx, userIds.get(person.account)!, grant.role, orgs.get(grant.orgCode)!.id);
  }
  tx.audit({
    action: 'demo.sample_data.loaded',
    objectType: 'sample_data',
    objectId: null,
    orgId: null,
    changes: { schools: plan.schools.length, users: plan.people.length, grants: plan.people.reduce((n, p) => n + p.grants.length, 0) },
  });
}

async function createSampleSchool(tx: Ctx, school: DemoSchool, orgs: Map<string, OrgRef>): Promise<OrgRef> {
  const org = await createOrg(tx, {
    parentId: orgs.get(school.countyCode)!.id,
    code: school.code,
    name: school.name,
    shortName: school.shortName,
    type: 'school',
    stage: school.stage,
    divisionCode: school.divisionCode,
  });
  // createOrg has no sample flag; the mark is set and audited in the same transaction.
  await updateOrg(tx.db, org.id, { isSample: 1 });
  tx.audit({ action: 'orgs.org.updated', objectType: 'org', objectId: org.id, orgId: org.id, changes: { isSample: [false, true] } });
  return { id: org.id, path: org.path };
}

/**
 * The first account goes through createUser, which checks the password policy and hashes the
 * password (scrypt, ~50 ms). Hashing it again for each of ~200 accounts would take seconds, so
 * the others are copies of that first row with their own identity and the same hash, audited
 * exactly as createUser audits.
 */
async function createSampleUsers(tx: Ctx, people: DemoPerson[], orgs: Map<string, OrgRef>, password: string): Promise<Map<string, string>> {
  const [first, ...rest] = people;
  const created = await createUser(
    tx,
    {
      account: first.account,
      realName: first.realName,
      orgId: orgs.get(first.orgCode)!.id,
      idNumber: first.idNumber,
      phone: first.phone ?? undefined,
      password,
    },
    { isSample: true },
  );
  const template = (await findUserById(tx.db, created.user.id))!;
  const rows = rest.map((person) => sampleUserRow(tx, template, person, orgs.get(person.orgCode)!));
  await insertUsers(tx.db, rows);
  for (const row of rows) {
    tx.audit({
      action: 'users.user.created',
      objectType: 'user',
      objectId: row.id,
      orgId: row.org_id,
      changes: { account: row.account, realName: row.real_name, idNumber: row.id_number_masked, phone: row.phone_masked, email: row.email },
    });
  }
  return new Map([template, ...rows].map((row) => [row.account, row.id]));
}

function sampleUserRow(tx: Ctx, template: UserRow, person: DemoPerson, org: OrgRef): UserRow {
  const at = tx.now().toISOString();
  return {
    ...template,
    id: newId(),
    account: person.account,
    real_name: person.realName,
    display_name: person.realName,
    org_id: org.id,
    org_path: org.path,
    ...sealIdNumber(person.idNumber, tx.now()),
    ...sealPhone(person.phone),
    email: null,
    password_changed_at: at,
    created_at: at,
    updated_at: at,
  };
}

// The same encrypted, indexed and masked forms createUser stores.
function sealIdNumber(value: string, today: Date) {
  const checked = checkIdNumber(value, today);
  if (!checked.ok) throw new Error(`demo plan made an invalid ID number (${checked.reason})`);
  return {
    id_number_cipher: fieldCipher().encrypt(value),
    id_number_index: fieldCipher().blindIndex(value),
    id_number_masked: maskIdNumber(value),
  };
}

function sealPhone(value: string | null) {
  if (value === null) return { phone_cipher: null, phone_index: null, phone_masked: null };
  if (!checkPhone(value).ok) throw new Error('demo plan made an invalid phone number');
  return { phone_cipher: fieldCipher().encrypt(value), phone_index: fieldCipher().blindIndex(value), phone_masked: maskPhone(value) };
}
