import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Breadcrumb, Button, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState } from '#ui';
import { orgApi, type Org } from '../api.ts';
import { OrgTypeIcon, orgTypeLabel, schoolStageLabel } from '../org-labels.tsx';

/** The selected org as the server has it now; `reload` after a change. */
export function useOrgDetail(id: string | null) {
  const [state, setState] = useState<{ org: Org | null; loading: boolean; error: unknown }>({ org: null, loading: false, error: null });
  // Only the latest request may answer: a slow one for an org selected before must not win.
  const latest = useRef(0);
  const load = useCallback(async () => {
    const request = ++latest.current;
    if (!id) {
      setState({ org: null, loading: false, error: null });
      return;
    }
    setState((s) => ({ org: s.org?.id === id ? s.org : null, loading: true, error: null }));
    try {
      const org = await orgApi.get(id);
      if (request === latest.current) setState({ org, loading: false, error: null });
    } catch (error) {
      if (request === latest.current) setState({ org: null, loading: false, error });
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  return { ...state, reload: load };
}

export interface OrgLookup {
  findOrg: (id: string) => Promise<Org | null>;
  ancestorsInView: (org: Org) => { ids: string[]; hasHidden: boolean };
}

/** Where the org sits: its ancestors' names, those outside the user's scope folded into "…". */
function OrgPath({ org, lookup, onOpen }: { org: Org; lookup: OrgLookup; onOpen: (org: Org) => void }) {
  const { t } = useTranslation();
  const [ancestors, setAncestors] = useState<Array<Org | null> | null>(null);
  const { ids, hasHidden } = lookup.ancestorsInView(org);
  const key = ids.join('/');
  useEffect(() => {
    let live = true;
    setAncestors(null);
    Promise.all(
      key
        .split('/')
        .filter(Boolean)
        .map((id) => lookup.findOrg(id).catch(() => null)),
    ).then((found) => {
      if (live) setAncestors(found);
    });
    return () => {
      live = false;
    };
  }, [key, lookup]);
  if (!ancestors) return <Spin size="small" />;
  const visible = ancestors.filter((a): a is Org => a !== null);
  const items = [
    ...(hasHidden || visible.length < ancestors.length
      ? [
          {
            title: (
              <span role="img" title={t('orgs:web.detail.outsideScope')} aria-label={t('orgs:web.detail.outsideScope')}>
                …
              </span>
            ),
          },
        ]
      : []),
    ...visible.map((a) => ({
      title: (
        <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => onOpen(a)}>
          {a.name}
        </Button>
      ),
    })),
    { title: <span aria-current="location">{org.name}</span> },
  ];
  return <Breadcrumb items={items} />;
}

/** The selected org: where it sits, what it is, and the actions the user may take on it. */
export function OrgDetail({
  org,
  loading,
  error,
  onRetry,
  lookup,
  onOpen,
  actions,
}: {
  org: Org | null;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  lookup: OrgLookup;
  onOpen: (org: Org) => void;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  if (error) return <ErrorState error={error} onRetry={onRetry} />;
  if (!org)
    return loading ? (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin />
      </div>
    ) : (
      <EmptyState description={t('orgs:web.detail.none')} />
    );
  const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Spin spinning={loading}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12, flexWrap: 'wrap', marginBottom: 8 }}>
        <Space align="center" wrap>
          <span style={{ fontSize: 20 }}>
            <OrgTypeIcon type={org.type} t={t} />
          </span>
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {org.name}
          </Typography.Title>
          <Tag color={org.isActive ? 'green' : 'default'}>{t(org.isActive ? 'orgs:web.status.active' : 'orgs:web.status.inactive')}</Tag>
          {org.isSample && <Tag color="gold">{t('orgs:web.detail.sample')}</Tag>}
        </Space>
      </div>
      <div style={{ marginBottom: 16 }}>
        <OrgPath org={org} lookup={lookup} onOpen={onOpen} />
      </div>
      {actions && <div style={{ marginBottom: 16 }}>{actions}</div>}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 1, lg: 2 }}
        styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
        items={[
          { key: 'name', label: t('orgs:web.field.name'), children: org.name, span: 'filled' },
          { key: 'shortName', label: t('orgs:web.field.shortName'), children: org.shortName || dash },
          { key: 'code', label: t('orgs:web.field.code'), children: <Typography.Text copyable>{org.code}</Typography.Text> },
          { key: 'type', label: t('orgs:web.field.type'), children: orgTypeLabel(t, org.type) },
          { key: 'stage', label: t('orgs:web.field.stage'), children: org.stage ? schoolStageLabel(t, org.stage) : dash },
          { key: 'divisionCode', label: t('orgs:web.field.divisionCode'), children: org.divisionCode || dash },
          { key: 'depth', label: t('orgs:web.field.depth'), children: t('orgs:web.detail.depthValue', { depth: org.depth }) },
          {
            key: 'status',
            label: t('orgs:web.field.status'),
            children: t(org.isActive ? 'orgs:web.status.active' : 'orgs:web.status.inactive'),
          },
          { key: 'createdAt', label: t('orgs:web.field.createdAt'), children: time(org.createdAt) },
          { key: 'updatedAt', label: t('orgs:web.field.updatedAt'), children: time(org.updatedAt) },
          {
            key: 'id',
            label: t('orgs:web.field.id'),
            span: 'filled',
            children: (
              <Typography.Text type="secondary" copyable style={{ fontSize: 12 }}>
                {org.id}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Spin>
  );
}
