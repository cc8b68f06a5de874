import { useState } from 'react';
import { Button, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../api.ts';
import { problemMessage } from '../problem-message.ts';

export interface UploadedFile {
  id: string;
  name: string;
  size: number;
}

/**
 * Uploads files to core/files for an org and reports the stored ones; the form that uses it
 * sends their ids with the record, which attaches them. Controlled, so it sits in a Form.Item.
 */
export function FileUpload({
  orgId,
  value = [],
  onChange,
  maxCount = 20,
  id,
}: {
  orgId: string;
  value?: UploadedFile[];
  onChange?: (files: UploadedFile[]) => void;
  maxCount?: number;
  id?: string;
}) {
  const { t, i18n } = useTranslation();
  const [pending, setPending] = useState<UploadFile[]>([]);
  const done: UploadFile[] = value.map((f) => ({ uid: f.id, name: f.name, status: 'done', size: f.size }));
  return (
    <Upload
      id={id}
      multiple
      maxCount={maxCount}
      fileList={[...done, ...pending]}
      customRequest={async ({ file, onSuccess, onError }) => {
        const raw = file as File;
        const uid = (file as unknown as { uid: string }).uid;
        setPending((p) => [...p, { uid, name: raw.name, status: 'uploading' }]);
        const body = new FormData();
        body.append('file', raw, raw.name);
        try {
          const meta = await api.post<UploadedFile>(withQuery('/api/files', { orgId }), body);
          setPending((p) => p.filter((f) => f.uid !== uid));
          onChange?.([...value, { id: meta.id, name: meta.name, size: meta.size }]);
          onSuccess?.(meta);
        } catch (e) {
          setPending((p) => p.map((f) => (f.uid === uid ? { ...f, status: 'error', response: problemMessage(i18n, e) } : f)));
          onError?.(e as Error);
        }
      }}
      onRemove={(f) => {
        setPending((p) => p.filter((x) => x.uid !== f.uid));
        onChange?.(value.filter((x) => x.id !== f.uid));
      }}
    >
      <Button icon={<UploadOutlined />}>{t('ui:upload.choose')}</Button>
    </Upload>
  );
}

const UNITS = ['B', 'KB', 'MB', 'GB'];
/** 1536 → "1.5 KB". */
export function formatBytes(n: number): string {
  let i = 0;
  let v = n;
  while (v >= 1024 && i < UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${UNITS[i]}`;
}
