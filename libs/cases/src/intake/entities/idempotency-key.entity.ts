import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { IdempotentOutcome } from '../services/idempotency.service';

/**
 * A request that must take effect once (an `Idempotency-Key`). What a repeat needs (the case
 * id and reference) is kept for 24 hours; the receipt code never is, in any form.
 */
@Entity({ name: 'idempotency_keys' })
@Index('idempotency_keys_created_idx', ['createdAt'])
export class IdempotencyKey {
  @PrimaryColumn('text')
  scope!: string;

  @PrimaryColumn('text')
  key!: string;

  /** SHA-256 of the request, to tell a repeat from another request reusing the key. */
  @Column('text', { name: 'request_hash' })
  requestHash!: string;

  /** The outcome a repeat is answered with; written in the same transaction as the effect. */
  @Column('jsonb', { name: 'response', nullable: true })
  response!: IdempotentOutcome | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
