/**
 * Keeps the "needs review" record of Romani drafts (i18n/review/rom.json) in step with the
 * catalogues: lists what is unrecorded, changed or stale, and with --write records new texts as
 * drafts and flags again any text whose Albanian source changed. A native speaker who has
 * checked a text sets its state to "reviewed".
 *
 *   npm run i18n:review            (report only; exits 1 when the record is out of step)
 *   npm run i18n:review -- --write
 */
import { catalogueTexts } from './i18n/catalogue';
import { draftCount, readReview, reviewDrift, updatedReview, writeReview } from './i18n/review';

async function main(): Promise<void> {
  const texts = await catalogueTexts();
  const record = readReview('rom');
  const drift = reviewDrift(texts, record);
  if (process.argv.includes('--write')) {
    const updated = updatedReview(texts, record);
    writeReview(updated);
    process.stdout.write(
      `i18n/review/rom.json: ${Object.keys(updated.entries).length} Romani texts, ` +
        `${draftCount(updated)} need review\n`,
    );
    return;
  }
  const lines = [
    `Romani texts recorded: ${Object.keys(record.entries).length}, needing review: ${draftCount(record)}`,
    `Not recorded yet (${drift.unrecorded.length}):`,
    ...drift.unrecorded.map((k) => `  ${k}`),
    `Albanian source changed since (${drift.changedSource.length}):`,
    ...drift.changedSource.map((k) => `  ${k}`),
    `No longer written (${drift.stale.length}):`,
    ...drift.stale.map((k) => `  ${k}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const inStep = !drift.unrecorded.length && !drift.changedSource.length && !drift.stale.length;
  process.exitCode = inStep ? 0 : 1;
}

void main();
