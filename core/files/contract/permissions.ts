export const FilePermissions = {
  upload: 'files.file.upload',
  /** Read the unattached files of an org subtree; attached files follow their owner's rules. */
  read: 'files.file.read',
} as const;
