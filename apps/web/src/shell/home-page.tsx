import { Card, Col, Empty, Row, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '#ui';

/** The workbench: who you are and which roles you hold where. Modules add their cards later. */
export default function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const { info } = session;
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('shell:home.welcome', { name: info.user.displayName })}
        </Typography.Title>
      </Col>
      <Col xs={24} lg={14}>
        <Card title={t('shell:home.roles')}>
          {info.grants.length === 0 ? (
            <Empty description={t('shell:home.noRoles')} />
          ) : (
            <Table
              size="small"
              rowKey={(g) => `${g.roleCode}@${g.orgId}`}
              pagination={false}
              dataSource={info.grants}
              columns={[
                { title: t('shell:home.role'), dataIndex: 'roleName' },
                { title: t('shell:home.org'), dataIndex: 'orgName' },
              ]}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
