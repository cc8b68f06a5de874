import { useCallback, useEffect, useState } from 'react';
import type { i18n as I18n } from 'i18next';
import { api, type PageOf } from '#ui';
import type { InboxItem, ReadAllResult, UnreadCount } from '../contract/notification.schema.ts';

export type { InboxItem };

/** The console's language, which the server renders messages in. */
export const inboxLanguage = (i18n: I18n): 'zh-CN' | 'en' => (i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN');

export const inboxApi = {
  list: (query: { unread?: boolean; page?: number; pageSize?: number; lang: 'zh-CN' | 'en' }) =>
    api.get<PageOf<InboxItem>>('/api/notify/inbox', query),
  unreadCount: () => api.get<UnreadCount>('/api/notify/inbox/unread-count'),
  markRead: (id: string) => api.post<void>(`/api/notify/inbox/${id}/read`),
  markAllRead: () => api.post<ReadAllResult>('/api/notify/inbox/read-all'),
};

// The bell and the inbox page both change read state; each tells the other through this event.
const CHANGED = 'educloud:notify-inbox-changed';
export const announceInboxChanged = () => window.dispatchEvent(new Event(CHANGED));
export function useInboxChanged(listener: () => void): void {
  useEffect(() => {
    window.addEventListener(CHANGED, listener);
    return () => window.removeEventListener(CHANGED, listener);
  }, [listener]);
}

/** How often the badge asks again while the console stays open (and also whenever the window regains focus). */
export const UNREAD_POLL_MS = 60_000;

/** The caller's unread count, kept fresh by polling, on focus and after any read in this console. */
export function useUnreadCount(): { unread: number; capped: boolean; refresh: () => void } {
  const [state, setState] = useState<UnreadCount>({ unread: 0, capped: false });
  const refresh = useCallback(() => {
    // A failed poll keeps the last figure; the next poll or focus tries again.
    inboxApi.unreadCount().then(setState, () => undefined);
  }, []);
  useEffect(() => {
    refresh();
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'hidden') refresh();
    }, UNREAD_POLL_MS);
    window.addEventListener('focus', refresh);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', refresh);
    };
  }, [refresh]);
  useInboxChanged(refresh);
  return { ...state, refresh };
}
