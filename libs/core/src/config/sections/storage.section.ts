import { SectionSpec, env } from '../env-schema';

export const storageSection = {
  uploadDir: env.string('UPLOAD_DIR', 'Folder for evidence files, outside the web root', {
    default: './var/uploads',
  }),
} as const satisfies SectionSpec;
