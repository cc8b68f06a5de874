import { useState } from 'react';
import { Alert, Button, Form, Input, List, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError, codeMessage, FormDrawer, useSession } from '#ui';
import { planApi, type ImportResult, type ParseProblem } from '../api.ts';

/** Reads a text file as the parser does: UTF-8 when valid, otherwise GB18030 (common for Windows files). */
export async function readPlanFile(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Pastes or loads a 工作要点 and imports it for the current org; lists the parser's problems by line. */
export function ImportPlanDrawer({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  onImported: (r: ImportResult) => void;
}) {
  const { t, i18n } = useTranslation();
  const { currentOrg } = useSession();
  const [problems, setProblems] = useState<ParseProblem[]>([]);

  return (
    <FormDrawer<{ text: string }>
      open={open}
      title={t('work-plan:web.import.title')}
      width={720}
      submitText={t('work-plan:web.import.submit')}
      onClose={() => {
        setProblems([]);
        onClose();
      }}
      onSubmit={async ({ text }) => {
        setProblems([]);
        try {
          onImported(await planApi.import(currentOrg.id, text));
        } catch (e) {
          if (e instanceof ApiError && e.code === 'work-plan.unparseable')
            setProblems((e.problem.params?.problems as ParseProblem[]) ?? []);
          throw e;
        }
      }}
    >
      <Form.Item label={t('work-plan:web.import.org')}>
        <Typography.Text strong>{currentOrg.name}</Typography.Text>
      </Form.Item>
      {problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('work-plan:web.import.problems')}
          description={
            <List
              size="small"
              dataSource={problems}
              renderItem={(p) => (
                <List.Item>
                  {t('work-plan:web.import.line', { line: p.line })}：{codeMessage(i18n, p.code, p.params) ?? p.code}
                </List.Item>
              )}
            />
          }
        />
      )}
      <Form.Item noStyle shouldUpdate>
        {(form) => (
          <Upload
            accept=".txt,text/plain"
            showUploadList={false}
            beforeUpload={async (file) => {
              form.setFieldValue('text', await readPlanFile(file));
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} style={{ marginBottom: 12 }}>
              {t('work-plan:web.import.file')}
            </Button>
          </Upload>
        )}
      </Form.Item>
      <Form.Item
        name="text"
        label={t('work-plan:web.import.text')}
        extra={t('work-plan:web.import.textHint')}
        rules={[{ required: true, min: 20 }]}
      >
        <Input.TextArea id="plan-text" rows={18} style={{ fontFamily: 'inherit' }} />
      </Form.Item>
    </FormDrawer>
  );
}
