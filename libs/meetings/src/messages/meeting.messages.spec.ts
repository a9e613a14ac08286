import { readFileSync, readdirSync } from 'node:fs';
import { registeredMessages } from '@app/core';
import { join } from 'node:path';
import { DECISION_KINDS } from '../domain/decision-kinds';
import { MEETING_STATUSES } from '../domain/meeting-status.machine';
import { RECUSAL_REASONS } from '../domain/recusal';

const VIEWS = join(__dirname, '../../views/meetings');
const SOURCES = [join(__dirname, '../services/meeting-pdf.service.ts')];

describe('Meeting messages', () => {
  const known = new Set(registeredMessages().map(({ key }) => key));

  it('have every key the pages and PDFs write literally', () => {
    const texts = [
      ...readdirSync(VIEWS).map((f) => readFileSync(join(VIEWS, f), 'utf8')),
      ...SOURCES.map((f) => readFileSync(f, 'utf8')),
    ];
    const used = new Set(
      texts.flatMap((text) => [...text.matchAll(/\bt\('([a-z_.]+[a-z_])'/g)].map((m) => m[1])),
    );
    const missing = [...used].filter((key) => !known.has(key));
    expect(missing).toEqual([]);
  });

  it('name every status, decision kind and recusal reason', () => {
    const keys = [
      ...MEETING_STATUSES.map((s) => `meetings.status.${s}`),
      ...DECISION_KINDS.map((k) => `meetings.decision.kind.${k}`),
      ...RECUSAL_REASONS.map((r) => `meetings.recusal.${r}`),
    ];
    expect(keys.filter((key) => !known.has(key))).toEqual([]);
  });
});
