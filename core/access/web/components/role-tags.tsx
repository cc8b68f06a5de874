import { Space, Tag, Tooltip } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Role } from '../api.ts';

/** Built-in or custom, and whether the role is an administrator role (second factor required). */
export function RoleTags({ role, kind = true, admin = true }: { role: Role; kind?: boolean; admin?: boolean }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap={false}>
      {kind &&
        (role.isBuiltin ? <Tag color="blue">{t('access:web.kind.builtin')}</Tag> : <Tag color="purple">{t('access:web.kind.custom')}</Tag>)}
      {admin && role.isAdmin && (
        <Tooltip title={t('access:web.admin.hint')}>
          <Tag color="gold" icon={<SafetyCertificateOutlined />}>
            {t('access:web.admin.tag')}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}
