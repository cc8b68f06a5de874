import { useMemo } from 'react';
import { Form, Input, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '#ui';
import { accessApi, onField, type PermissionInfo, type Role, type RoleBody } from '../api.ts';
import { PermissionTree } from './permission-tree.tsx';

interface RoleValues {
  code: string;
  name: string;
  nameEn?: string;
  description?: string;
  isAdmin: boolean;
  permissions: string[];
}

const CODE_PATTERN = /^[a-z][a-z0-9_]{2,40}$/;

/** Creates a custom role, or edits one (`role` given); the code is fixed once the role exists. */
export function RoleFormDrawer({
  open,
  role,
  permissions,
  onClose,
  onSaved,
}: {
  open: boolean;
  role: Role | null;
  permissions: PermissionInfo[];
  onClose: () => void;
  onSaved: (role: Role) => void;
}) {
  const { t } = useTranslation();
  const initialValues = useMemo<Partial<RoleValues>>(
    () =>
      role
        ? {
            code: role.code,
            name: role.name,
            nameEn: role.nameEn,
            description: role.description ?? '',
            isAdmin: role.isAdmin,
            permissions: role.permissions,
          }
        : { isAdmin: false, permissions: [] },
    [role],
  );

  async function save(values: RoleValues) {
    const body = {
      name: values.name.trim(),
      nameEn: values.nameEn?.trim() || values.name.trim(),
      description: values.description?.trim() || null,
      isAdmin: values.isAdmin,
      permissions: values.permissions ?? [],
    };
    try {
      onSaved(
        role ? await accessApi.updateRole(role.id, body) : await accessApi.createRole({ ...body, code: values.code } satisfies RoleBody),
      );
    } catch (e) {
      onField(e, 'access.role_code_taken', 'code');
    }
  }

  return (
    <FormDrawer<RoleValues>
      open={open}
      width={720}
      title={role ? t('access:web.form.editTitle', { name: role.name }) : t('access:web.form.createTitle')}
      initialValues={initialValues}
      onClose={onClose}
      onSubmit={save}
    >
      <Form.Item
        name="code"
        label={t('access:web.form.code')}
        extra={role ? undefined : t('access:web.form.codeHelp')}
        rules={[
          { required: true, message: t('access:web.form.codeRequired') },
          { pattern: CODE_PATTERN, message: t('access:web.form.codePattern') },
        ]}
      >
        <Input autoFocus={!role} disabled={!!role} autoComplete="off" maxLength={41} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('access:web.form.name')}
        rules={[{ required: true, whitespace: true, min: 2, max: 50, message: t('access:web.form.nameRequired') }]}
      >
        <Input autoFocus={!!role} autoComplete="off" maxLength={50} />
      </Form.Item>
      <Form.Item name="nameEn" label={t('access:web.form.nameEn')} extra={t('access:web.form.nameEnHelp')}>
        <Input autoComplete="off" maxLength={80} lang="en" />
      </Form.Item>
      <Form.Item name="description" label={t('access:web.form.description')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
      </Form.Item>
      <Form.Item name="isAdmin" label={t('access:web.form.isAdmin')} valuePropName="checked" extra={t('access:web.form.isAdminHelp')}>
        <Switch />
      </Form.Item>
      <Form.Item name="permissions" label={t('access:web.form.permissions')}>
        <PermissionTree permissions={permissions} />
      </Form.Item>
    </FormDrawer>
  );
}
