import { Type, type Static } from 'typebox';
import { IdParams } from '#kernel/http.ts';

const NullableText = (options: { description?: string } = {}) => Type.Union([Type.String(options), Type.Null()]);

export const FileMeta = Type.Object({
  id: Type.String(),
  name: Type.String({ description: 'the uploaded name, without folders' }),
  mediaType: Type.String({ description: 'decided from the content, not from what the client declared' }),
  size: Type.Integer({ minimum: 0 }),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  orgId: Type.String(),
  ownerType: NullableText({ description: '`<module>.<resource>` of the record the file is attached to' }),
  ownerId: NullableText(),
  createdBy: NullableText(),
  createdAt: Type.String(),
});
export type FileMeta = Static<typeof FileMeta>;

export const FileIdParams = IdParams;
export type FileIdParams = IdParams;

export const UploadFileQuery = Type.Object({
  orgId: Type.String({ maxLength: 40, description: 'the org the file belongs to' }),
});
export type UploadFileQuery = Static<typeof UploadFileQuery>;

export const FileOwner = Type.Object({
  ownerType: Type.String({ pattern: '^[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*$' }),
  ownerId: Type.String({ minLength: 1, maxLength: 100 }),
});
export type FileOwner = Static<typeof FileOwner>;
