import { useMemo, useState } from 'react';
import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageShell, useSession } from '#ui';
import type { Org } from '../api.ts';
import { MoveOrgDialog } from '../components/move-org-dialog.tsx';
import { OrgActions } from '../components/org-actions.tsx';
import { OrgDetail, useOrgDetail } from '../components/org-detail.tsx';
import { OrgFormDrawer } from '../components/org-form-drawer.tsx';
import { OrgSearch } from '../components/org-search.tsx';
import { OrgTree } from '../components/org-tree.tsx';
import { useOrgTree } from '../components/use-org-tree.ts';

type Editing = { kind: 'create'; parent: Org } | { kind: 'edit'; org: Org } | { kind: 'move'; org: Org } | null;

/** 机构管理: the org tree on the left (from the current org), the selected org's detail and actions on the right. */
export default function OrgTreePage() {
  const { t } = useTranslation();
  const { currentOrg } = useSession();
  const tree = useOrgTree(currentOrg);
  const detail = useOrgDetail(tree.selectedId);
  const lookup = useMemo(() => ({ findOrg: tree.findOrg, ancestorsInView: tree.ancestorsInView }), [tree.findOrg, tree.ancestorsInView]);
  const [editing, setEditing] = useState<Editing>(null);
  const close = () => setEditing(null);
  const org = detail.org;

  return (
    <PageShell title={t('orgs:web.page.title')} description={t('orgs:web.page.description')}>
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={10} xl={9}>
          <nav aria-label={t('orgs:web.tree.label')} style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
            <OrgSearch within={currentOrg.id} onPick={(picked) => void tree.reveal(picked)} />
            <OrgTree tree={tree} />
          </nav>
        </Col>
        <Col xs={24} lg={14} xl={15}>
          <section
            aria-label={t('orgs:web.detail.label')}
            style={{ borderInlineStart: '1px solid #f0f0f0', paddingInlineStart: 24, minHeight: 400 }}
          >
            <OrgDetail
              org={org}
              loading={detail.loading}
              error={detail.error}
              onRetry={() => void detail.reload()}
              lookup={lookup}
              onOpen={(ancestor) => void tree.reveal(ancestor)}
              actions={
                org && (
                  <OrgActions
                    org={org}
                    onCreate={() => setEditing({ kind: 'create', parent: org })}
                    onEdit={() => setEditing({ kind: 'edit', org })}
                    onMove={() => setEditing({ kind: 'move', org })}
                    onActivated={async (changed) => {
                      tree.afterActivation(changed);
                      await detail.reload();
                    }}
                  />
                )
              }
            />
          </section>
        </Col>
      </Row>
      <OrgFormDrawer
        open={editing?.kind === 'create' || editing?.kind === 'edit'}
        parent={editing?.kind === 'create' ? editing.parent : null}
        org={editing?.kind === 'edit' ? editing.org : null}
        onClose={close}
        onSaved={async (saved) => {
          const wasCreate = editing?.kind === 'create';
          close();
          if (wasCreate) await tree.afterCreate(saved);
          else {
            tree.afterUpdate(saved);
            await detail.reload();
          }
        }}
      />
      <MoveOrgDialog
        open={editing?.kind === 'move'}
        org={editing?.kind === 'move' ? editing.org : null}
        findOrg={tree.findOrg}
        onClose={close}
        onMoved={async (before, after) => {
          close();
          await tree.afterMove(before, after);
          await detail.reload();
        }}
      />
    </PageShell>
  );
}
