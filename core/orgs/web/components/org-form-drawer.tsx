import { useMemo } from 'react';
import { App, Form, Input, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, FormDrawer, problemMessage } from '#ui';
import { orgApi, type Org } from '../api.ts';
import { creatableTypes, likelyChildType, stageOptions, typeOptions } from '../org-labels.tsx';
import { canContain } from '../../contract/org-types.ts';

export interface OrgFormValues {
  code: string;
  name: string;
  shortName?: string;
  type: Org['type'];
  stage?: Org['stage'];
}

// The field a server problem is about, so its message shows under that field.
const FIELD_OF_PROBLEM: Record<string, keyof OrgFormValues> = {
  'orgs.code_taken': 'code',
  'orgs.stage_required': 'stage',
  'orgs.stage_only_for_schools': 'stage',
  'orgs.only_one_ministry': 'type',
  'orgs.type_not_allowed_under_parent': 'type',
  'orgs.authority_needs_scope_above': 'type',
};
export const fieldOfProblem = (error: unknown): keyof OrgFormValues | undefined =>
  error instanceof ApiError ? FIELD_OF_PROBLEM[error.code] : undefined;

const CODE_PATTERN = /^[A-Za-z0-9_-]{2,40}$/;

/**
 * The form's fields; the stage is asked only of a school, the type only when creating, and then
 * only the types that may sit under the parent (the server enforces the same ranks).
 */
export function OrgFormFields({ editedType, parentType }: { editedType?: Org['type']; parentType?: string }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<OrgFormValues>();
  const chosenType = Form.useWatch('type', form);
  const creating = !editedType;
  const type = editedType ?? chosenType;
  return (
    <>
      <Form.Item
        name="code"
        label={t('orgs:web.field.code')}
        extra={t('orgs:web.form.codeHint')}
        rules={[
          { required: true, message: t('orgs:web.form.codeRequired') },
          { pattern: CODE_PATTERN, message: t('orgs:web.form.codeInvalid') },
        ]}
      >
        <Input autoComplete="off" maxLength={40} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('orgs:web.field.name')}
        rules={[
          { required: true, whitespace: true, message: t('orgs:web.form.nameRequired') },
          { min: 2, max: 100, message: t('orgs:web.form.nameInvalid') },
        ]}
      >
        <Input autoComplete="off" maxLength={100} />
      </Form.Item>
      <Form.Item name="shortName" label={t('orgs:web.field.shortName')} rules={[{ max: 50 }]}>
        <Input autoComplete="off" maxLength={50} />
      </Form.Item>
      {creating && (
        <Form.Item name="type" label={t('orgs:web.field.type')} rules={[{ required: true, message: t('orgs:web.form.typeRequired') }]}>
          <Select
            options={typeOptions(
              t,
              creatableTypes.filter((type) => !parentType || canContain(parentType, type)),
            )}
          />
        </Form.Item>
      )}
      {type === 'school' && (
        <Form.Item name="stage" label={t('orgs:web.field.stage')} rules={[{ required: true, message: t('orgs:web.form.stageRequired') }]}>
          <Select options={stageOptions(t)} placeholder={t('orgs:web.form.stagePlaceholder')} />
        </Form.Item>
      )}
    </>
  );
}

/**
 * Creates an org under `parent`, or edits `org` (name, short name, code, stage). A problem the
 * server reports about one field (a code already taken) shows under that field too.
 */
export function OrgFormDrawer({
  open,
  parent,
  org,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** Set to create a child of it. */
  parent?: Org | null;
  /** Set to edit it. */
  org?: Org | null;
  onClose: () => void;
  onSaved: (org: Org) => void | Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const creating = !org;
  const initialValues = useMemo<Partial<OrgFormValues>>(
    () =>
      org
        ? { code: org.code, name: org.name, shortName: org.shortName ?? '', type: org.type, stage: org.stage }
        : { type: likelyChildType(parent?.type ?? '') },
    [org, parent],
  );

  async function submit(values: OrgFormValues, form: FormInstance<OrgFormValues>) {
    const shortName = values.shortName?.trim() || null;
    const stage = values.type === 'school' || org?.type === 'school' ? (values.stage ?? null) : undefined;
    try {
      const saved = org
        ? await orgApi.update(org.id, {
            name: values.name.trim(),
            shortName,
            code: values.code.trim(),
            ...(stage === undefined ? {} : { stage }),
          })
        : await orgApi.create({
            parentId: parent!.id,
            code: values.code.trim(),
            name: values.name.trim(),
            shortName,
            type: values.type,
            ...(stage ? { stage } : {}),
          });
      void message.success(t(creating ? 'orgs:web.form.created' : 'orgs:web.form.saved', { name: saved.name }));
      await onSaved(saved);
    } catch (e) {
      const field = fieldOfProblem(e);
      if (field) form.setFields([{ name: field, errors: [problemMessage(i18n, e)] }]);
      throw e;
    }
  }

  const title = creating
    ? t('orgs:web.form.createTitle', { parent: parent?.name ?? '' })
    : t('orgs:web.form.editTitle', { name: org?.name ?? '' });
  return (
    <FormDrawer<OrgFormValues>
      open={open}
      title={title}
      initialValues={initialValues}
      onClose={onClose}
      onSubmit={(values, form) => submit({ ...initialValues, ...values }, form)}
      submitText={creating ? t('orgs:web.form.create') : undefined}
    >
      <OrgFormFields editedType={org?.type} parentType={parent?.type} />
    </FormDrawer>
  );
}
