import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FileUpload, useSession, type UploadedFile } from '#ui';
import { workflowApi, type ActionBody, type ActionPath, type Candidate, type InstanceDetail } from '../api.ts';
import { usePick } from './workflow-labels.tsx';

const NEEDS_REASON: ActionPath[] = ['reject', 'return'];
const NEEDS_USER: ActionPath[] = ['add-signer', 'transfer'];
const TAKES_FILES: ActionPath[] = ['approve', 'reject', 'return', 'resubmit'];

interface Values {
  comment?: string;
  to?: string;
  userId?: string;
  files?: UploadedFile[];
}

/** The form behind each operation: a comment (required for 不通过 and 退回), where to send it back, whom to add or hand over to, attachments. */
export function ActionDialog({
  action,
  detail,
  onCancel,
  onSubmit,
}: {
  action: ActionPath | null;
  detail: InstanceDetail;
  onCancel: () => void;
  onSubmit: (action: ActionPath, body: Omit<ActionBody, 'version'>) => Promise<void>;
}) {
  const { t } = useTranslation();
  const pick = usePick();
  const { can, info } = useSession();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [candidates, setCandidates] = useState<Candidate[]>([]);

  useEffect(() => {
    form.resetFields();
    if (action === 'return') form.setFieldValue('to', detail.actions.returnTargets[0]);
    if (action && NEEDS_USER.includes(action)) workflowApi.candidates(detail.instance.id).then(setCandidates, () => setCandidates([]));
  }, [action, detail, form]);

  const search = (q: string) => {
    workflowApi.candidates(detail.instance.id, q).then(setCandidates, () => undefined);
  };
  const stepName = (id: string) =>
    id === 'applicant' ? t('workflow:web.dialog.applicant') : pick(detail.steps.find((s) => s.id === id)?.label) || id;

  async function submit() {
    if (!action) return;
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setBusy(true);
    try {
      await onSubmit(action, {
        ...(values.comment?.trim() ? { comment: values.comment.trim() } : {}),
        ...(action === 'return' ? { to: values.to } : {}),
        ...(NEEDS_USER.includes(action) ? { userId: values.userId } : {}),
        ...(values.files?.length ? { fileIds: values.files.map((f) => f.id) } : {}),
      });
    } finally {
      setBusy(false);
    }
  }

  const reason = !!action && NEEDS_REASON.includes(action);
  return (
    <Modal
      open={!!action}
      title={action ? t(`workflow:web.dialog.title.${action}`) : ''}
      onCancel={onCancel}
      onOk={() => void submit()}
      okText={t('workflow:web.dialog.submit')}
      cancelText={t('workflow:web.dialog.cancel')}
      confirmLoading={busy}
      okButtonProps={{ danger: action === 'reject' }}
      destroyOnHidden
    >
      {action && <Alert type="info" showIcon title={t(`workflow:web.dialog.hint.${action}`)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        {action === 'return' && (
          <Form.Item name="to" label={t('workflow:web.dialog.to')} rules={[{ required: true }]}>
            <Select
              options={detail.actions.returnTargets.map((id, index) => ({
                value: id,
                label: index === 0 && id !== 'applicant' ? `${stepName(id)}（${t('workflow:web.dialog.previous')}）` : stepName(id),
              }))}
            />
          </Form.Item>
        )}
        {action && NEEDS_USER.includes(action) && (
          <Form.Item name="userId" label={t('workflow:web.dialog.user')} rules={[{ required: true }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: search }}
              placeholder={t('workflow:web.dialog.userPlaceholder')}
              options={candidates.map((c) => ({ value: c.id, label: `${c.name}（${c.account}，${c.orgName}）` }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="comment"
          label={t('workflow:web.dialog.comment')}
          rules={reason ? [{ required: true, whitespace: true, message: t('workflow:web.dialog.commentRequired') }] : []}
        >
          <Input.TextArea
            rows={4}
            maxLength={2000}
            placeholder={t(reason ? 'workflow:web.dialog.commentRequired' : 'workflow:web.dialog.commentOptional')}
          />
        </Form.Item>
        {action && TAKES_FILES.includes(action) && can('files.file.upload') && (
          <Form.Item name="files" label={t('workflow:web.dialog.files')}>
            <FileUpload orgId={info.user.orgId} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
