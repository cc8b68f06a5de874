import { Type, type Static } from 'typebox';
import { IdParams } from '#kernel/http.ts';
import { PageQuery } from '#kernel';

const NullableText = (options: { description?: string } = {}) => Type.Union([Type.String(options), Type.Null()]);

export const InboxLanguage = Type.Union([Type.Literal('zh-CN'), Type.Literal('en')], {
  description: "the reader's language; without it, the Accept-Language header decides (Chinese by default)",
});
export type InboxLanguage = Static<typeof InboxLanguage>;

/** One message in the caller's inbox, rendered in the reader's language. */
export const InboxItem = Type.Object({
  id: Type.String(),
  kind: Type.String({ description: '`<module>.<what>`: the template the text comes from' }),
  title: Type.String(),
  body: Type.String(),
  link: NullableText({ description: 'a console path to open' }),
  orgId: NullableText(),
  createdAt: Type.String(),
  readAt: NullableText(),
});
export type InboxItem = Static<typeof InboxItem>;

export const InboxQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    unread: Type.Optional(Type.Boolean({ description: 'true: only unread messages' })),
    lang: Type.Optional(InboxLanguage),
  }),
]);
export type InboxQuery = Static<typeof InboxQuery>;

export const UnreadCount = Type.Object({
  unread: Type.Integer({ minimum: 0 }),
  capped: Type.Boolean({ description: 'true: there are more than `unread`' }),
});
export type UnreadCount = Static<typeof UnreadCount>;

export const NotificationIdParams = IdParams;
export type NotificationIdParams = IdParams;

export const ReadAllResult = Type.Object({ marked: Type.Integer({ minimum: 0, description: 'messages that were unread' }) });
export type ReadAllResult = Static<typeof ReadAllResult>;
