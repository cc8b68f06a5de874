import { defineModule, type Host } from '#kernel';
import type { FilesService } from './contract/file.service.ts';
import { FilePermissions } from './contract/permissions.ts';
import { LocalBlobStore, type BlobStore } from './server/blob-store.ts';
import { registerFileRoutes } from './server/file.routes.ts';
import * as service from './server/file.service.ts';
import { removeUnattachedFiles } from './server/unattached-files.ts';
import type { UploadQuota } from './server/upload-quota.ts';

interface FilesConfig {
  store: BlobStore;
  maxUploadBytes: number;
  quota: UploadQuota;
  uploadsPerMinute: number;
}

const positiveInteger = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value > 0;

/** The store, the upload limit, quotas and rate, from the host's config; a missing or wrong value stops the start. */
function filesConfig(host: Host): FilesConfig {
  const { filesDir, maxUploadBytes, uploadQuotaUserBytes, uploadQuotaOrgBytes, uploadsPerMinute } = host.config;
  if (typeof filesDir !== 'string' || filesDir === '') throw new Error('files: config filesDir must name a folder');
  for (const [name, value] of Object.entries({ maxUploadBytes, uploadQuotaUserBytes, uploadQuotaOrgBytes, uploadsPerMinute })) {
    if (!positiveInteger(value)) throw new Error(`files: config ${name} must be a positive integer`);
  }
  return {
    store: new LocalBlobStore(filesDir),
    maxUploadBytes: maxUploadBytes as number,
    uploadsPerMinute: uploadsPerMinute as number,
    quota: { userBytes: uploadQuotaUserBytes as number, orgBytes: uploadQuotaOrgBytes as number },
  };
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
    const { store, maxUploadBytes, quota } = filesConfig(host);
    return {
      registerOwnerPolicy: service.registerOwnerPolicy,
      storeFile: (ctx, input) =>
        service.storeFile(ctx, { ...input, maxBytes: Math.min(input.maxBytes ?? maxUploadBytes, maxUploadBytes) }, store, quota),
      attachFile: service.attachFile,
      getFile: service.getFile,
      openFile: (ctx, fileId) => service.openFile(ctx, fileId, store),
    };
  },
  routes(app, host) {
    registerFileRoutes(app, filesConfig(host));
  },
  jobs: [
    {
      id: 'files.remove_unattached',
      label: { zh: '清除一天内未附加到任何记录的上传文件', en: 'Remove uploads not attached to a record within a day' },
      everySeconds: 3600,
      run: async (ctx, host) => {
        const { files, bodies } = await removeUnattachedFiles(ctx, filesConfig(host).store);
        return { summary: `removed ${files} files, ${bodies} bodies` };
      },
    },
  ],
});
