import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Current members of each segment; a row exists while the profile is a member. */
@Entity({ name: 'segment_memberships' })
export class SegmentMembershipEntity {
  @PrimaryColumn({ name: 'profile_id', type: 'text' }) profileId!: string;
  @PrimaryColumn({ name: 'segment_id', type: 'text' }) segmentId!: string;
  @Column({ name: 'entered_at', type: 'timestamptz' }) enteredAt!: Date;
  @Column({ name: 'trigger_event_id', type: 'text', nullable: true }) triggerEventId!: string | null;
}

/** The insights version each profile was last evaluated on. */
@Entity({ name: 'profile_evaluations' })
export class ProfileEvaluationEntity {
  @PrimaryColumn({ name: 'profile_id', type: 'text' }) profileId!: string;
  @Column({ name: 'insights_updated_at', type: 'timestamptz' }) insightsUpdatedAt!: Date;
}

export const activationEntities = [SegmentMembershipEntity, ProfileEvaluationEntity];
