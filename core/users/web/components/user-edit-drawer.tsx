import { useMemo } from 'react';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer, useSession } from '#ui';
import { usersApi, type UpdateUserBody, type User } from '../api.ts';
import { OrgSelect } from './org-select.tsx';

interface EditValues {
  realName: string;
  displayName: string;
  orgId: string;
  idNumber?: string;
  phone?: string;
  email?: string;
  status: User['status'];
}

/**
 * Edits a user. The ID number and phone are stored encrypted and only their masked forms come
 * back, so those inputs start empty with the mask as a hint: left empty, they keep their value.
 */
export function UserEditDrawer({ user, onClose, onSaved }: { user: User | null; onClose: () => void; onSaved: (user: User) => void }) {
  const { t } = useTranslation();
  const { currentOrg, info } = useSession();
  // The server refuses disabling oneself; the console does not offer it.
  const isSelf = user?.id === info.user.id;
  const initialValues = useMemo<Partial<EditValues> | undefined>(
    () =>
      user
        ? {
            realName: user.realName,
            displayName: user.displayName,
            orgId: user.orgId,
            email: user.email ?? '',
            status: user.status,
          }
        : undefined,
    [user],
  );

  return (
    <FormDrawer<EditValues>
      open={user !== null}
      title={t('users:web.form.editTitle', { name: user?.realName ?? '' })}
      initialValues={initialValues}
      onClose={onClose}
      onSubmit={async (values) => {
        if (!user) return;
        const patch: UpdateUserBody = {
          realName: values.realName.trim(),
          displayName: values.displayName.trim(),
          orgId: values.orgId,
          email: values.email?.trim() ? values.email.trim() : null,
          status: values.status,
        };
        if (values.idNumber?.trim()) patch.idNumber = values.idNumber.trim();
        if (values.phone?.trim()) patch.phone = values.phone.trim();
        onSaved(await usersApi.update(user.id, patch));
      }}
    >
      <Form.Item label={t('users:web.form.account')}>
        <Input value={user?.account} disabled aria-label={t('users:web.form.account')} />
      </Form.Item>
      <Form.Item
        name="realName"
        label={t('users:web.form.realName')}
        rules={[
          { required: true, whitespace: true, message: t('users:web.form.realNameRequired') },
          { min: 2, max: 50, message: t('users:web.form.realNameRequired') },
        ]}
      >
        <Input autoFocus autoComplete="off" maxLength={50} />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('users:web.form.displayName')}
        rules={[{ required: true, whitespace: true, message: t('users:web.form.displayNameRequired') }]}
      >
        <Input autoComplete="off" maxLength={50} />
      </Form.Item>
      <Form.Item name="orgId" label={t('users:web.form.org')} rules={[{ required: true, message: t('users:web.form.orgRequired') }]}>
        <OrgSelect within={currentOrg.id} known={user ? { id: user.orgId, name: user.orgName ?? user.orgId } : undefined} />
      </Form.Item>
      <Form.Item name="idNumber" label={t('users:web.form.idNumber')} extra={t('users:web.form.keepWhenEmpty')}>
        <Input autoComplete="off" maxLength={30} placeholder={user?.idNumberMasked ?? t('users:web.form.notSet')} />
      </Form.Item>
      <Form.Item name="phone" label={t('users:web.form.phone')} extra={t('users:web.form.keepWhenEmpty')}>
        <Input autoComplete="off" maxLength={20} inputMode="tel" placeholder={user?.phoneMasked ?? t('users:web.form.notSet')} />
      </Form.Item>
      <Form.Item name="email" label={t('users:web.form.email')} rules={[{ type: 'email', message: t('users:web.form.emailInvalid') }]}>
        <Input autoComplete="off" maxLength={120} inputMode="email" />
      </Form.Item>
      <Form.Item name="status" label={t('users:web.form.status')} extra={isSelf ? t('users:web.form.statusSelf') : undefined}>
        <Select
          disabled={isSelf}
          options={[
            { value: 'active', label: t('users:web.status.active') },
            { value: 'disabled', label: t('users:web.status.disabled') },
          ]}
        />
      </Form.Item>
      <button type="submit" hidden aria-hidden tabIndex={-1} />
    </FormDrawer>
  );
}
