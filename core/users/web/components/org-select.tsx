import { useEffect, useMemo, useRef, useState } from 'react';
import { Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usersApi } from '../api.ts';

export interface OrgChoice {
  id: string;
  name: string;
  code?: string;
}

/**
 * A searchable select over the orgs inside `within` (the current org's subtree), asking the
 * server as the user types. `known` names the org already chosen, so it shows before any search.
 */
export function OrgSelect({
  id,
  value,
  onChange,
  within,
  known,
  'aria-label': ariaLabel,
}: {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  within: string;
  known?: OrgChoice;
  'aria-label'?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<OrgChoice[]>([]);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const latest = useRef(0);
  const seen = useRef(new Map<string, OrgChoice>());
  if (known) seen.current.set(known.id, known);

  useEffect(() => {
    const ticket = ++latest.current;
    const timer = setTimeout(
      async () => {
        setLoading(true);
        try {
          const page = await usersApi.searchOrgs(search.trim(), within);
          if (ticket !== latest.current) return;
          const orgs = page.items.map((o) => ({ id: o.id, name: o.name, code: o.code }));
          for (const o of orgs) seen.current.set(o.id, o);
          setFound(orgs);
          setFailed(false);
        } catch {
          if (ticket === latest.current) setFailed(true);
        } finally {
          if (ticket === latest.current) setLoading(false);
        }
      },
      search ? 250 : 0,
    );
    return () => clearTimeout(timer);
  }, [search, within]);

  const options = useMemo(() => {
    const list = [...found];
    // The chosen org stays listed so its name shows, but not among the matches of a search.
    const chosen = value ? seen.current.get(value) : undefined;
    if (chosen && !search && !list.some((o) => o.id === chosen.id)) list.unshift(chosen);
    return list.map((o) => ({ value: o.id, label: o.name, code: o.code }));
  }, [found, value, search]);

  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      value={value}
      onChange={onChange}
      options={options}
      loading={loading}
      placeholder={t('users:web.orgSelect.placeholder')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
      notFoundContent={failed ? t('users:web.orgSelect.failed') : t('users:web.orgSelect.empty')}
      optionRender={(option) => (
        <Space size={8}>
          <span>{option.label}</span>
          {option.data.code && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {option.data.code}
            </Typography.Text>
          )}
        </Space>
      )}
      style={{ width: '100%' }}
    />
  );
}
