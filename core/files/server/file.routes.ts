import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { routeAccess } from '#kernel';
import { FileErrors } from '../contract/errors.ts';
import { FileIdParams, FileMeta, UploadFileQuery } from '../contract/file.schema.ts';
import { FilePermissions } from '../contract/permissions.ts';
import type { BlobStore } from './blob-store.ts';
import { attachmentDisposition } from './file-name.ts';
import * as service from './file.service.ts';
import type { UploadQuota } from './upload-quota.ts';

export interface FileRouteDeps {
  store: BlobStore;
  maxUploadBytes: number;
  quota: UploadQuota;
  uploadsPerMinute: number;
}

const tags = ['files'];

export function registerFileRoutes(fastify: FastifyInstance, deps: FileRouteDeps): void {
  // A scope of its own, so that multipart parsing is added here only when the host has not added it for all.
  fastify.register(async (scope) => {
    if (!scope.hasContentTypeParser('multipart/form-data')) await scope.register(multipart);
    const app = scope.withTypeProvider<TypeBoxTypeProvider>();

    app.post(
      '/api/files',
      {
        schema: { tags, summary: '上传文件', consumes: ['multipart/form-data'], querystring: UploadFileQuery, response: { 201: FileMeta } },
        config: {
          access: routeAccess.permission(FilePermissions.upload),
          // Per user, counted after the access check (preHandler), so strangers cannot use up a teacher's allowance.
          rateLimit: {
            max: deps.uploadsPerMinute,
            timeWindow: '1 minute',
            hook: 'preHandler',
            keyGenerator: (req) => `files.upload:${req.ctx.actor.id ?? req.ip}`,
          },
        },
      },
      async (req, reply) => {
        // One byte over the limit reaches the store, which refuses it with files.too_large.
        const part = await req.file({ limits: { files: 1, fileSize: deps.maxUploadBytes + 1 }, throwFileSizeLimit: false });
        if (!part) throw FileErrors.uploadMissing();
        const input = {
          stream: part.file,
          filename: part.filename,
          declaredType: part.mimetype,
          orgId: req.query.orgId,
          maxBytes: deps.maxUploadBytes,
        };
        return reply.code(201).send(await service.storeFile(req.ctx, input, deps.store, deps.quota));
      },
    );

    app.get(
      '/api/files/:id',
      {
        schema: { tags, summary: '文件信息', params: FileIdParams, response: { 200: FileMeta } },
        config: { access: routeAccess.session },
      },
      (req) => service.getFile(req.ctx, req.params.id),
    );

    app.get(
      '/api/files/:id/content',
      {
        schema: { tags, summary: '下载文件', params: FileIdParams },
        config: { access: routeAccess.session },
      },
      async (req, reply) => {
        const { meta, stream } = await service.openFile(req.ctx, req.params.id, deps.store);
        // Always a download, never rendered in our origin: an uploaded HTML-ish text cannot run as a page.
        return reply
          .headers({
            'content-type': meta.mediaType,
            'content-length': meta.size,
            'content-disposition': attachmentDisposition(meta.name),
            'x-content-type-options': 'nosniff',
            'content-security-policy': "default-src 'none'; sandbox",
            'cache-control': 'private, no-cache',
          })
          .send(stream);
      },
    );
  });
}
