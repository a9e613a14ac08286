import { dropDatabase } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const template = process.env.PMD_E2E_TEMPLATE_DB;
  if (template) await dropDatabase(template);
}
