import { useMemo } from 'react';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer, useSession } from '#ui';
import { usersApi, withoutEmpty, type CreateUserBody, type User } from '../api.ts';
import { OrgSelect } from './org-select.tsx';

// The server's account rule, checked here too so a typo is named before the round trip.
const ACCOUNT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.@-]{2,63}$/;

/**
 * New real-name user. The ID number, phone and password are judged by the server only: its
 * problem names the field (`params.field`) and FormDrawer puts the message under it.
 */
export function UserCreateDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (user: User, initialPassword?: string) => void;
}) {
  const { t } = useTranslation();
  const { currentOrg } = useSession();
  const initialValues = useMemo(() => ({ orgId: currentOrg.id }), [currentOrg.id]);

  return (
    <FormDrawer<CreateUserBody>
      open={open}
      title={t('users:web.form.createTitle')}
      submitText={t('users:web.form.create')}
      initialValues={initialValues}
      onClose={onClose}
      onSubmit={async (values) => {
        const created = await usersApi.create(withoutEmpty(values));
        onCreated(created.user, created.initialPassword);
      }}
    >
      <Form.Item
        name="account"
        label={t('users:web.form.account')}
        extra={t('users:web.form.accountHelp')}
        rules={[
          { required: true, message: t('users:web.form.accountRequired') },
          { pattern: ACCOUNT_PATTERN, message: t('users:web.form.accountPattern') },
        ]}
      >
        <Input autoFocus autoComplete="off" maxLength={64} />
      </Form.Item>
      <Form.Item
        name="realName"
        label={t('users:web.form.realName')}
        rules={[
          { required: true, whitespace: true, message: t('users:web.form.realNameRequired') },
          { min: 2, max: 50, message: t('users:web.form.realNameRequired') },
        ]}
      >
        <Input autoComplete="off" maxLength={50} />
      </Form.Item>
      <Form.Item name="displayName" label={t('users:web.form.displayName')} extra={t('users:web.form.displayNameHelp')}>
        <Input autoComplete="off" maxLength={50} />
      </Form.Item>
      <Form.Item name="orgId" label={t('users:web.form.org')} rules={[{ required: true, message: t('users:web.form.orgRequired') }]}>
        <OrgSelect within={currentOrg.id} known={{ id: currentOrg.id, name: currentOrg.name }} />
      </Form.Item>
      <Form.Item name="idNumber" label={t('users:web.form.idNumber')} extra={t('users:web.form.idNumberHelp')}>
        <Input autoComplete="off" maxLength={30} inputMode="text" />
      </Form.Item>
      <Form.Item name="phone" label={t('users:web.form.phone')}>
        <Input autoComplete="off" maxLength={20} inputMode="tel" />
      </Form.Item>
      <Form.Item name="email" label={t('users:web.form.email')} rules={[{ type: 'email', message: t('users:web.form.emailInvalid') }]}>
        <Input autoComplete="off" maxLength={120} inputMode="email" />
      </Form.Item>
      <Form.Item name="password" label={t('users:web.form.password')} extra={t('users:web.form.passwordHelp')}>
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      {/* Enter in any field submits, as in any form; the visible buttons sit in the drawer's header. */}
      <button type="submit" hidden aria-hidden tabIndex={-1} />
    </FormDrawer>
  );
}
