import { api } from '#ui';
import type { AuditEvent, ChainReport } from '../contract/audit.schema.ts';

export type { AuditEvent, ChainReport };

/** Walks the whole hash chain on the server; answers the first break, if any. */
export const verifyAuditChain = () => api.post<ChainReport>('/api/audit/verify');
