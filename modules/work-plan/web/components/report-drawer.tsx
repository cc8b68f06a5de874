import { Checkbox, DatePicker, Form, Input, InputNumber, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FileUpload, FormDrawer, useSession, type UploadedFile } from '#ui';
import { reportApi, type TaskProgress } from '../api.ts';

interface ReportValues {
  reportDate: Dayjs;
  text: string;
  isComplete?: boolean;
  figures?: Record<string, number | null>;
  files?: UploadedFile[];
}

/** A responsible unit reports on a task: date, text, current figures for its targets, evidence files. */
export function ReportDrawer({ task, onClose, onSubmitted }: { task: TaskProgress | null; onClose: () => void; onSubmitted: () => void }) {
  const { t } = useTranslation();
  const { currentOrg } = useSession();
  return (
    <FormDrawer<ReportValues>
      open={!!task}
      title={task ? t('work-plan:web.report.title', { number: task.number }) : ''}
      initialValues={{ reportDate: dayjs() }}
      onClose={onClose}
      onSubmit={async (values) => {
        if (!task) return;
        const figures = Object.entries(values.figures ?? {})
          .filter(([, v]) => typeof v === 'number')
          .map(([targetId, value]) => ({ targetId, value: value as number }));
        await reportApi.submit(task.taskId, {
          orgId: currentOrg.id,
          reportDate: values.reportDate.format('YYYY-MM-DD'),
          text: values.text,
          isComplete: !!values.isComplete,
          figures,
          fileIds: (values.files ?? []).map((f) => f.id),
        });
        onSubmitted();
      }}
    >
      {task && (
        <Typography.Paragraph strong>
          {task.planTitle} · {task.number}. {task.title}
        </Typography.Paragraph>
      )}
      <Form.Item label={t('work-plan:web.report.org')}>
        <Typography.Text>{currentOrg.name}</Typography.Text>
      </Form.Item>
      <Form.Item name="reportDate" label={t('work-plan:web.report.date')} rules={[{ required: true }]}>
        <DatePicker id="report-date" allowClear={false} />
      </Form.Item>
      <Form.Item
        name="text"
        label={t('work-plan:web.report.text')}
        rules={[{ required: true, min: 2, message: t('work-plan:web.report.textRequired') }]}
      >
        <Input.TextArea id="report-text" rows={5} maxLength={20000} showCount />
      </Form.Item>
      {task && task.targets.filter((g) => !g.indicatorId).length > 0 && (
        <>
          <Typography.Text type="secondary">{t('work-plan:web.report.figures')}</Typography.Text>
          {task.targets
            .filter((g) => !g.indicatorId)
            .map((g) => (
              <Form.Item
                key={g.id}
                name={['figures', g.id]}
                label={t('work-plan:web.report.figureLabel', { object: g.object, unit: g.unit, count: g.count })}
              >
                <InputNumber min={0} style={{ width: 200 }} />
              </Form.Item>
            ))}
        </>
      )}
      <Form.Item name="files" label={t('work-plan:web.report.files')} extra={t('work-plan:web.report.filesHint')}>
        <FileUpload id="report-files" orgId={currentOrg.id} />
      </Form.Item>
      <Form.Item name="isComplete" valuePropName="checked">
        <Checkbox>{t('work-plan:web.report.complete')}</Checkbox>
      </Form.Item>
    </FormDrawer>
  );
}
