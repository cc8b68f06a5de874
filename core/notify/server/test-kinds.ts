import { installNotificationTemplates, notificationTemplates, type NotificationTemplate } from './templates.ts';

/** A kind the tests send, as a module would declare it in its locale files. */
export const TEST_KIND = 'test.task_assigned';

const TEST_TEMPLATES: Record<'zh-CN' | 'en', NotificationTemplate> = {
  'zh-CN': { title: '新任务：{{name}}', body: '{{org}}给您分配了任务“{{name}}”，请于 {{due}} 前完成。' },
  en: { title: 'New task: {{name}}', body: '{{org}} assigned you "{{name}}", due {{due}}.' },
};

/** Adds the test kind to the installed catalog (call after the platform installed the real one). */
export function installTestKinds(): void {
  const current = notificationTemplates();
  installNotificationTemplates({
    'zh-CN': new Map([...current['zh-CN'], [TEST_KIND, TEST_TEMPLATES['zh-CN']]]),
    en: new Map([...current.en, [TEST_KIND, TEST_TEMPLATES.en]]),
  });
}
