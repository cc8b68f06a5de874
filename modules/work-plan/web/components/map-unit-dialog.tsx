import { useState } from 'react';
import { App, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, problemMessage, type PageOf } from '#ui';
import { planApi, type UnitView } from '../api.ts';

/** Maps an unmapped 责任单位 to one org under the plan's issuer; remembered for later plans. */
export function MapUnitDialog({
  unit,
  scopeOrgId,
  onClose,
  onMapped,
}: {
  unit: UnitView | null;
  scopeOrgId: string;
  onClose: () => void;
  onMapped: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [options, setOptions] = useState<Array<{ value: string; label: string }>>([]);
  const [orgId, setOrgId] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function search(q: string) {
    if (!q.trim()) return;
    const page = await api.get<PageOf<{ id: string; name: string; code: string }>>('/api/orgs', { q, within: scopeOrgId, pageSize: 20 });
    setOptions(page.items.map((o) => ({ value: o.id, label: `${o.name}（${o.code}）` })));
  }

  return (
    <Modal
      open={!!unit}
      title={unit ? t('work-plan:web.unit.mapTitle', { name: unit.name }) : ''}
      okButtonProps={{ disabled: !orgId, loading: busy }}
      onCancel={onClose}
      onOk={async () => {
        if (!unit || !orgId) return;
        setBusy(true);
        try {
          await planApi.mapUnit({ scopeOrgId, name: unit.name, orgId });
          void message.success(t('work-plan:web.unit.mapped'));
          onMapped();
        } catch (e) {
          void message.error(problemMessage(i18n, e));
        } finally {
          setBusy(false);
        }
      }}
    >
      <Select
        showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
        aria-label={t('work-plan:web.unit.chooseOrg')}
        placeholder={t('work-plan:web.unit.chooseOrg')}
        style={{ width: '100%' }}
        options={options}
        value={orgId}
        onChange={setOrgId}
      />
    </Modal>
  );
}
