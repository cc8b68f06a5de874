import { useMemo, useState } from 'react';
import { App, Button, Modal } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DataTable, PageShell, problemMessage, useSession, type DataColumn } from '#ui';
import { verifyAuditChain, type AuditEvent, type ChainReport } from '../api.ts';
import { ActionCell, ActorCell, ObjectCell, formatTime } from '../components/audit-cells.tsx';
import { AuditEventDrawer } from '../components/audit-event-drawer.tsx';
import { AuditFilters, type AuditFilterValues } from '../components/audit-filters.tsx';
import { ChainReportView } from '../components/chain-report-view.tsx';

/** Audit records of the current org's subtree, filterable, with each record's detail and a chain check. */
export default function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can, currentOrg } = useSession();
  const [filters, setFilters] = useState<AuditFilterValues>({});
  const [selected, setSelected] = useState<AuditEvent | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [report, setReport] = useState<ChainReport | null>(null);

  const columns = useMemo<DataColumn<AuditEvent>[]>(
    () => [
      { key: 'at', title: t('audit:web.column.at'), render: (_, e) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(e.at)}</span> },
      { key: 'actor', title: t('audit:web.column.actor'), render: (_, e) => <ActorCell actor={e.actor} /> },
      { key: 'ip', title: t('audit:web.column.ip'), render: (_, e) => e.ip ?? '—' },
      { key: 'action', title: t('audit:web.column.action'), render: (_, e) => <ActionCell action={e.action} /> },
      { key: 'object', title: t('audit:web.column.object'), render: (_, e) => <ObjectCell type={e.objectType} id={e.objectId} /> },
      { key: 'seq', title: t('audit:web.column.seq'), align: 'right' },
      {
        key: 'detail',
        title: t('audit:web.column.detail'),
        // The row opens on click too; this button is the keyboard's way in.
        render: (_, e) => (
          <Button
            type="link"
            size="small"
            style={{ padding: 0 }}
            onClick={(click) => {
              click.stopPropagation();
              setSelected(e);
            }}
          >
            {t('audit:web.column.view')}
          </Button>
        ),
      },
    ],
    [t],
  );

  async function verify() {
    setVerifying(true);
    try {
      setReport(await verifyAuditChain());
    } catch (e) {
      void message.error(problemMessage(i18n, e));
    } finally {
      setVerifying(false);
    }
  }

  return (
    <PageShell
      title={t('audit:web.title')}
      description={t('audit:web.description', { org: currentOrg.name })}
      actions={
        can('audit.chain.verify') && (
          <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void verify()}>
            {t('audit:web.verify.button')}
          </Button>
        )
      }
    >
      <DataTable<AuditEvent>
        id="audit-events"
        url="/api/audit/events"
        exportUrl="/api/audit/events/export"
        query={{ orgId: currentOrg.id, ...filters }}
        columns={columns}
        rowKey={(e) => e.id}
        filters={<AuditFilters value={filters} onChange={setFilters} />}
        emptyDescription={t('audit:web.empty')}
        onRow={(e) => ({ onClick: () => setSelected(e), style: { cursor: 'pointer' } })}
      />
      <AuditEventDrawer event={selected} onClose={() => setSelected(null)} />
      <Modal
        open={report !== null}
        title={t('audit:web.verify.title')}
        onCancel={() => setReport(null)}
        footer={
          <Button type="primary" onClick={() => setReport(null)}>
            {t('audit:web.verify.close')}
          </Button>
        }
      >
        {report && <ChainReportView report={report} />}
      </Modal>
    </PageShell>
  );
}
