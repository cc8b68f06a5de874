import { Descriptions, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSession } from '#ui';

/** Who is signed in: account, name, org and the roles held where. */
export function ProfileSummary() {
  const { t } = useTranslation();
  const { info, currentOrg } = useSession();
  const { user, grants } = info;
  // The session carries org names only through grants; a user's own org is nearly always among them.
  const orgName = grants.find((g) => g.orgId === user.orgId)?.orgName ?? (currentOrg.id === user.orgId ? currentOrg.name : null);
  const none = <Typography.Text type="secondary">{t('auth:web.profile.none')}</Typography.Text>;
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      items={[
        { key: 'account', label: t('auth:web.profile.account'), children: <Typography.Text strong>{user.account}</Typography.Text> },
        { key: 'realName', label: t('auth:web.profile.realName'), children: user.realName },
        { key: 'org', label: t('auth:web.profile.org'), children: orgName || none },
        { key: 'expiresAt', label: t('auth:web.profile.expiresAt'), children: dayjs(info.expiresAt).format('YYYY-MM-DD HH:mm') },
        {
          key: 'roles',
          label: t('auth:web.profile.roles'),
          span: 'filled',
          children:
            grants.length === 0 ? (
              none
            ) : (
              <Space size={[4, 4]} wrap>
                {grants.map((g) => (
                  <Tag key={`${g.roleCode}@${g.orgId}`} color="blue">
                    {t('auth:web.profile.roleAt', { role: g.roleName, org: g.orgName })}
                  </Tag>
                ))}
              </Space>
            ),
        },
      ]}
    />
  );
}
