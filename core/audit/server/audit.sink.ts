import type { Kysely } from 'kysely';
import { newId, toJson, type Actor, type AuditEntry, type AuditSink } from '#kernel';
import { auditKey, hashRecord } from './chain.ts';
import { insertEvents, lockHead, orgPathsOf, saveHead, type AuditRow } from './audit.repo.ts';

/** Appends a transaction's audit entries to the hash chain, inside that transaction. */
export const auditSink: AuditSink = {
  async append(db: Kysely<any>, entries: AuditEntry[], meta: { actor: Actor; ip: string | null; at: string }) {
    const paths = await orgPathsOf(db, [...new Set(entries.map((e) => e.orgId).filter((id): id is string => !!id))]);
    const head = await lockHead(db);
    let { seq, hash } = head;
    const rows: AuditRow[] = entries.map((e) => {
      seq += 1;
      const record = {
        seq,
        id: newId(),
        at: meta.at,
        actorKind: meta.actor.kind,
        actorId: meta.actor.id,
        actorName: meta.actor.name,
        ip: meta.ip,
        action: e.action,
        objectType: e.objectType,
        objectId: e.objectId,
        orgId: e.orgId,
        orgPath: e.orgId ? (paths.get(e.orgId) ?? null) : null,
        changes: toJson(e.changes ?? {}),
      };
      const prevHash = hash;
      hash = hashRecord(auditKey(), prevHash, record);
      return {
        seq,
        id: record.id,
        at: record.at,
        actor_kind: record.actorKind,
        actor_id: record.actorId,
        actor_name: record.actorName,
        ip: record.ip,
        action: record.action,
        object_type: record.objectType,
        object_id: record.objectId,
        org_id: record.orgId,
        org_path: record.orgPath,
        scope_path: record.orgPath,
        changes: record.changes,
        prev_hash: prevHash,
        hash,
      };
    });
    // Batches keep each INSERT under SQLite's bound-parameter limit.
    for (let i = 0; i < rows.length; i += 500) await insertEvents(db, rows.slice(i, i + 500));
    await saveHead(db, seq, hash);
  },
};
