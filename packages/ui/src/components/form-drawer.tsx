import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Drawer, Form, Space, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { fieldErrors, problemMessage } from '../problem-message.ts';

/**
 * A side drawer with a form: submits through `onSubmit`, shows the server's problem message,
 * and marks the field it names (`params.field`, or each of a validation problem's fields).
 */
export function FormDrawer<V extends object>({
  open,
  title,
  initialValues,
  onSubmit,
  onClose,
  children,
  width = 520,
  submitText,
}: {
  open: boolean;
  title: string;
  initialValues?: Partial<V>;
  onSubmit: (values: V, form: FormInstance<V>) => Promise<void>;
  onClose: () => void;
  children: ReactNode;
  width?: number;
  submitText?: string;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) {
      form.resetFields();
      if (initialValues) form.setFieldsValue(initialValues as never);
      setError(null);
    }
  }, [open, form, initialValues]);

  async function submit(values: V) {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values, form);
    } catch (e) {
      const message = problemMessage(i18n, e);
      setError(message);
      const fields = fieldErrors(e);
      const named = Object.keys(fields).filter(
        (name) => form.getFieldInstance(name as never) !== undefined || name in (form.getFieldsValue(true) as object),
      );
      if (e instanceof ApiError && named.length > 0) {
        form.setFields(
          named.map((name) => ({ name: name as never, errors: [fields[name] && e.code === 'request.invalid' ? fields[name] : message] })),
        );
      }
    } finally {
      setBusy(false);
    }
  }

  // The server's messages are about the values it was sent: editing a field clears the message
  // under it (a field with rules is validated again right after) and the summary above the form.
  function clearServerErrors(changed: Partial<V>) {
    const names = Object.keys(changed).filter((name) => form.getFieldError(name as never).length > 0);
    if (names.length > 0) form.setFields(names.map((name) => ({ name: name as never, errors: [] })));
    setError(null);
  }

  return (
    <Drawer
      open={open}
      title={title}
      size={width}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('ui:form.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>
            {submitText ?? t('ui:form.save')}
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<V> form={form} layout="vertical" onFinish={submit} disabled={busy} onValuesChange={clearServerErrors}>
        {children}
      </Form>
    </Drawer>
  );
}
