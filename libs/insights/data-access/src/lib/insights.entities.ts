import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'purchases' })
@Index(['profileId'])
export class PurchaseEntity {
  @PrimaryColumn({ name: 'event_id', type: 'text' }) eventId!: string;
  @Column({ name: 'profile_id', type: 'text' }) profileId!: string;
  @Column({ name: 'amount_minor', type: 'bigint' }) amountMinor!: string;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
}

@Entity({ name: 'profile_insights' })
export class ProfileInsightsEntity {
  @PrimaryColumn({ name: 'profile_id', type: 'text' }) profileId!: string;
  @Column({ name: 'lifetime_value_minor', type: 'bigint' }) lifetimeValueMinor!: string;
  @Column({ name: 'order_count', type: 'int' }) orderCount!: number;
  @Column({ name: 'first_purchase_at', type: 'timestamptz', nullable: true }) firstPurchaseAt!: Date | null;
  @Column({ name: 'last_purchase_at', type: 'timestamptz', nullable: true }) lastPurchaseAt!: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** Absorbed profile ids and their survivor, learnt from identity changes. */
@Entity({ name: 'profile_aliases' })
export class InsightsAliasEntity {
  @PrimaryColumn({ name: 'alias_id', type: 'text' }) aliasId!: string;
  @Column({ name: 'profile_id', type: 'text' }) profileId!: string;
}

export const insightsEntities = [PurchaseEntity, ProfileInsightsEntity, InsightsAliasEntity];
