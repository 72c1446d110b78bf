import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'profiles' })
export class ProfileEntity {
  @PrimaryColumn({ name: 'profile_id', type: 'text' }) profileId!: string;
  /** Creation order; the oldest profile survives a merge. */
  @Column({ type: 'bigint', generated: 'increment', unique: true }) seq!: string;
  @Column({ name: 'merged_into', type: 'text', nullable: true }) mergedInto!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

@Entity({ name: 'source_records' })
@Index(['profileId'])
export class SourceRecordEntity {
  @PrimaryColumn({ type: 'text' }) source!: string;
  @PrimaryColumn({ name: 'source_record_id', type: 'text' }) sourceRecordId!: string;
  @Column({ name: 'profile_id', type: 'text' }) profileId!: string;
  @Column({ name: 'first_seen_at', type: 'timestamptz', default: () => 'now()' }) firstSeenAt!: Date;
  @Column({ name: 'last_seen_at', type: 'timestamptz', default: () => 'now()' }) lastSeenAt!: Date;
}

@Entity({ name: 'identifiers' })
@Index(['type', 'value'])
export class IdentifierEntity {
  @PrimaryColumn({ type: 'text' }) type!: string;
  @PrimaryColumn({ type: 'text' }) value!: string;
  @PrimaryColumn({ type: 'text' }) source!: string;
  @PrimaryColumn({ name: 'source_record_id', type: 'text' }) sourceRecordId!: string;
}

@Entity({ name: 'profile_aliases' })
@Index(['profileId'])
export class ProfileAliasEntity {
  @PrimaryColumn({ name: 'alias_id', type: 'text' }) aliasId!: string;
  @Column({ name: 'profile_id', type: 'text' }) profileId!: string;
}

/** Why a source record belongs to its profile: the rule, the matched values and the score. */
@Entity({ name: 'links' })
@Index(['profileId'])
export class LinkEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'profile_id', type: 'text' }) profileId!: string;
  @Column({ type: 'text' }) source!: string;
  @Column({ name: 'source_record_id', type: 'text' }) sourceRecordId!: string;
  @Column({ type: 'text' }) rule!: string;
  @Column({ name: 'matched_values', type: 'text', array: true }) matchedValues!: string[];
  @Column({ type: 'real' }) score!: number;
  @Column({ name: 'event_id', type: 'text', nullable: true }) eventId!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}

export const resolverEntities = [ProfileEntity, SourceRecordEntity, IdentifierEntity, ProfileAliasEntity, LinkEntity];
