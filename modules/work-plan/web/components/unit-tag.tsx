import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { ORG_TYPE_LABELS, type OrgType } from '#core/orgs/contract/org-types.ts';
import type { UnitView } from '../api.ts';

/** A 责任单位 as written, coloured by how it maps: one org, a set of org types, or not yet. */
export function UnitTag({ unit, lead, onMap }: { unit: UnitView; lead?: boolean; onMap?: (unit: UnitView) => void }) {
  const { t } = useTranslation();
  const label = `${lead ? `${t('work-plan:web.detail.lead')} · ` : ''}${unit.name}`;
  if (unit.kind === 'org')
    return (
      <Tooltip title={unit.orgName}>
        <Tag color={lead ? 'blue' : 'default'}>{label}</Tag>
      </Tooltip>
    );
  if (unit.kind === 'org_types') {
    return (
      <Tooltip title={unit.orgTypes.map((o) => ORG_TYPE_LABELS[o as OrgType] ?? o).join('、')}>
        <Tag color="purple">{label}</Tag>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={t('work-plan:web.unit.map')}>
      <Tag color="orange" style={{ cursor: onMap ? 'pointer' : undefined }} onClick={() => onMap?.(unit)}>
        {label} · {t('work-plan:web.unit.unmapped')}
      </Tag>
    </Tooltip>
  );
}
