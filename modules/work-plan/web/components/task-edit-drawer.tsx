import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '#ui';
import { planEditApi, type TaskView } from '../api.ts';

interface TaskValues {
  title: string;
  dueDate: Dayjs | null;
}

/** Fixes a task's title or sets its due date; the server audits the change. */
export function TaskEditDrawer({ task, onClose, onSaved }: { task: TaskView | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const initialValues = useMemo(
    () => (task ? { title: task.title, dueDate: task.dueDate ? dayjs(task.dueDate) : null } : undefined),
    [task],
  );
  return (
    <FormDrawer<TaskValues>
      open={!!task}
      title={task ? t('work-plan:web.edit.taskTitle', { number: task.number }) : ''}
      initialValues={initialValues}
      onClose={onClose}
      onSubmit={async (values) => {
        if (!task) return;
        await planEditApi.updateTask(task.id, {
          title: values.title.trim(),
          dueDate: values.dueDate ? values.dueDate.format('YYYY-MM-DD') : null,
        });
        onSaved();
      }}
    >
      <Form.Item
        name="title"
        label={t('work-plan:web.edit.title')}
        rules={[{ required: true, whitespace: true, min: 2, message: t('work-plan:web.edit.titleRequired') }]}
      >
        <Input id="task-title" maxLength={200} showCount />
      </Form.Item>
      <Form.Item name="dueDate" label={t('work-plan:web.edit.dueDate')} extra={t('work-plan:web.edit.dueDateHint')}>
        <DatePicker id="task-due" />
      </Form.Item>
    </FormDrawer>
  );
}
