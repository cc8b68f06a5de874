import { defineModule, type Host } from '#kernel';
import type { FilesService } from './contract/file.service.ts';
import { FilePermissions } from './contract/permissions.ts';
import { LocalBlobStore, type BlobStore } from './server/blob-store.ts';
import { registerFileRoutes } from './server/file.routes.ts';
import * as service from './server/file.service.ts';

/** The store and the upload limit, from the host's config; a missing or wrong value stops the start. */
function filesConfig(host: Host): { store: BlobStore; maxUploadBytes: number } {
  const { filesDir, maxUploadBytes } = host.config;
  if (typeof filesDir !== 'string' || filesDir === '') throw new Error('files: config filesDir must name a folder');
  if (typeof maxUploadBytes !== 'number' || !Number.isInteger(maxUploadBytes) || maxUploadBytes <= 0) {
    throw new Error('files: config maxUploadBytes must be a positive integer');
  }
  return { store: new LocalBlobStore(filesDir), maxUploadBytes };
}

export const filesModule = defineModule({
  id: 'files',
  tablePrefix: 'core',
  permissions: [
    { id: FilePermissions.upload, label: { zh: '上传文件', en: 'Upload files' } },
    { id: FilePermissions.read, label: { zh: '查看本机构及下级的文件', en: 'Read files of the org and below' } },
  ],
  roleGrants: [
    { role: 'org_admin', permissions: Object.values(FilePermissions) },
    { role: 'teacher', permissions: [FilePermissions.upload] },
    { role: 'security_officer', permissions: [FilePermissions.upload] },
    { role: 'data_steward', permissions: [FilePermissions.upload] },
  ],
  migrationsDir: new URL('./migrations/', import.meta.url),
  orgPathColumns: [{ table: 'core_files', column: 'org_path' }],
  createService(host): FilesService {
    const { store, maxUploadBytes } = filesConfig(host);
    return {
      registerOwnerPolicy: service.registerOwnerPolicy,
      storeFile: (ctx, input) => service.storeFile(ctx, { ...input, maxBytes: Math.min(input.maxBytes ?? maxUploadBytes, maxUploadBytes) }, store),
      attachFile: service.attachFile,
      getFile: service.getFile,
      openFile: (ctx, fileId) => service.openFile(ctx, fileId, store),
    };
  },
  routes(app, host) {
    registerFileRoutes(app, filesConfig(host));
  },
});
