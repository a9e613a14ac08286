import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * Hands out the next sequence number of a year. The counter row stays locked until the
 * intake transaction ends: a rolled-back intake gives its number back, so references of a
 * year have no gaps. The lock serialises intakes only for the last statements of their
 * transaction (slow work, such as hashing the receipt code, is done before).
 */
@Injectable()
export class CaseReferenceCounterService {
  async next(manager: EntityManager, year: number): Promise<number> {
    const [row] = (await manager.query(
      `INSERT INTO case_reference_counters (year, last_seq) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_seq = case_reference_counters.last_seq + 1
       RETURNING last_seq`,
      [year],
    )) as { last_seq: number }[];
    return row.last_seq;
  }
}
