import { afterEach, describe, expect, it } from 'vitest';
import { hasTemplate, installNotificationTemplates, localeFromHeader, notificationTemplates, renderNotification } from './templates.ts';

const original = notificationTemplates();
afterEach(() => installNotificationTemplates(original));

describe('notification templates', () => {
  it("renders a kind in the reader's language with its parameters filled in", () => {
    installNotificationTemplates({
      'zh-CN': new Map([['demo.done', { title: '{{who}}已完成', body: '任务“{{task}}”已完成，共 {{count}} 项。' }]]),
      en: new Map([['demo.done', { title: '{{who}} finished', body: '"{{task}}" is done: {{count}} items.' }]]),
    });
    expect(renderNotification('demo.done', { who: '张三', task: '资产清查', count: 3 }, 'zh-CN')).toEqual({
      title: '张三已完成',
      body: '任务“资产清查”已完成，共 3 项。',
    });
    expect(renderNotification('demo.done', { who: '张三', task: '资产清查', count: 3 }, 'en')).toEqual({
      title: '张三 finished',
      body: '"资产清查" is done: 3 items.',
    });
    expect(renderNotification('demo.done', {}, 'en').title).toBe(' finished');
    expect(hasTemplate('demo.done')).toBe(true);
  });

  it('needs both languages to count a kind as known, and still shows a kind whose template is gone', () => {
    installNotificationTemplates({ 'zh-CN': new Map([['demo.half', { title: '只有中文', body: '' }]]), en: new Map() });
    expect(hasTemplate('demo.half')).toBe(false);
    expect(renderNotification('demo.half', {}, 'en').title).toBe('只有中文');
    expect(renderNotification('demo.removed', {}, 'zh-CN')).toEqual({ title: 'demo.removed', body: '' });
  });

  it('reads the language from Accept-Language, Chinese unless English is preferred', () => {
    expect(localeFromHeader(undefined)).toBe('zh-CN');
    expect(localeFromHeader('en-US,en;q=0.9')).toBe('en');
    expect(localeFromHeader('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(localeFromHeader('fr-FR,en;q=0.5,zh;q=0.4')).toBe('en');
    expect(localeFromHeader('zh-TW;q=0.3, en-GB;q=0.8')).toBe('en');
    expect(localeFromHeader('en;q=0,zh')).toBe('zh-CN');
    expect(localeFromHeader('de-DE')).toBe('zh-CN');
  });
});
