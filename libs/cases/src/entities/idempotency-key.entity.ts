import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A request that must take effect once (an `Idempotency-Key`). The first answer is kept,
 * encrypted because it holds the receipt code, and given again for 24 hours.
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

  /** FieldCipher value of the answer; written in the same transaction as the effect. */
  @Column('text', { name: 'response_enc', nullable: true })
  responseEnc!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
