import { useEffect, useMemo, useState } from 'react';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '#ui';
import { planEditApi, type IndicatorInfo, type TargetBound, type TargetView, type TaskView } from '../api.ts';

const BOUNDS: TargetBound[] = ['exact', 'at_least', 'at_most', 'approximate', 'range'];

interface TargetValues {
  count: number;
  max?: number | null;
  unit: string;
  object: string;
  bound: TargetBound;
  dueDate?: Dayjs | null;
  indicatorId?: string | null;
}

/** Adds a target to a task, or changes one (figure, bound, unit, object, due date, bound indicator). */
export function TargetFormDrawer({
  task,
  target,
  onClose,
  onSaved,
}: {
  /** The task a new target is added to; null when editing or closed. */
  task: TaskView | null;
  target: TargetView | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const open = !!task || !!target;
  const [indicators, setIndicators] = useState<IndicatorInfo[]>([]);
  const [bound, setBound] = useState<TargetBound>('exact');
  useEffect(() => {
    if (open) planEditApi.indicators().then(setIndicators, () => setIndicators([]));
  }, [open]);
  const initialValues = useMemo<Partial<TargetValues>>(
    () =>
      target
        ? {
            count: target.count,
            max: target.max,
            unit: target.unit,
            object: target.object,
            bound: target.bound as TargetBound,
            dueDate: target.dueDate ? dayjs(target.dueDate) : null,
            indicatorId: target.indicatorId,
          }
        : { bound: 'exact', unit: '个' },
    [target],
  );
  useEffect(() => {
    setBound(initialValues.bound ?? 'exact');
  }, [initialValues]);
  const en = i18n.language === 'en';

  return (
    <FormDrawer<TargetValues>
      open={open}
      title={target ? t('work-plan:web.edit.targetTitle') : t('work-plan:web.edit.addTargetTitle', { number: task?.number ?? '' })}
      initialValues={initialValues}
      onClose={onClose}
      onSubmit={async (values) => {
        const body = {
          count: values.count,
          max: values.bound === 'range' ? (values.max ?? null) : null,
          unit: values.unit.trim(),
          object: values.object.trim(),
          bound: values.bound,
          dueDate: values.dueDate ? values.dueDate.format('YYYY-MM-DD') : null,
          indicatorId: values.indicatorId ?? null,
        };
        if (target) await planEditApi.updateTarget(target.id, body);
        else if (task) await planEditApi.createTarget(task.id, body);
        onSaved();
      }}
    >
      <Form.Item
        name="object"
        label={t('work-plan:web.edit.object')}
        rules={[{ required: true, whitespace: true, message: t('work-plan:web.edit.objectRequired') }]}
        extra={t('work-plan:web.edit.objectHint')}
      >
        <Input id="target-object" maxLength={200} />
      </Form.Item>
      <Form.Item name="bound" label={t('work-plan:web.edit.bound')} rules={[{ required: true }]}>
        <Select
          id="target-bound"
          onChange={(v: TargetBound) => setBound(v)}
          options={BOUNDS.map((b) => ({ value: b, label: t(`work-plan:web.edit.bounds.${b}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="count"
        label={bound === 'range' ? t('work-plan:web.edit.from') : t('work-plan:web.edit.count')}
        rules={[{ required: true, message: t('work-plan:web.edit.countRequired') }]}
      >
        <InputNumber id="target-count" min={0} style={{ width: 200 }} />
      </Form.Item>
      {bound === 'range' && (
        <Form.Item name="max" label={t('work-plan:web.edit.to')} rules={[{ required: true, message: t('work-plan:web.edit.maxRequired') }]}>
          <InputNumber id="target-max" min={0} style={{ width: 200 }} />
        </Form.Item>
      )}
      <Form.Item
        name="unit"
        label={t('work-plan:web.edit.unit')}
        rules={[{ required: true, whitespace: true, message: t('work-plan:web.edit.unitRequired') }]}
        extra={t('work-plan:web.edit.unitHint')}
      >
        <Input id="target-unit" maxLength={10} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="dueDate" label={t('work-plan:web.edit.dueDate')}>
        <DatePicker id="target-due" />
      </Form.Item>
      <Form.Item name="indicatorId" label={t('work-plan:web.edit.indicator')} extra={t('work-plan:web.edit.indicatorHint')}>
        <Select
          id="target-indicator"
          allowClear
          placeholder={t('work-plan:web.edit.byHand')}
          options={indicators.map((x) => ({ value: x.id, label: `${en ? x.name.en : x.name.zh}（${x.unit}）` }))}
        />
      </Form.Item>
    </FormDrawer>
  );
}
