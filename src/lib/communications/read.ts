import { rpc } from '../db/store.ts';
import type { Incidence, Invitation, ParticipaSection, PlanVersion, TrainingSession } from './schemas.ts';

/** Invitations being shown now, newest first: SQL compares publish and expiry times with now(). */
export const listInvitations = () => rpc<Invitation[]>('list_invitations');

/** One invitation being shown now; null when unknown, scheduled for later, expired or withdrawn. */
export const getInvitation = (slug: string) => rpc<Invitation | null>('get_invitation', { p_slug: slug });

/** «Ustedes dijeron / Hicimos» of every published exercise. */
export const listIncidence = () => rpc<Incidence[]>('list_incidence');

export const listTrainingSessions = () => rpc<TrainingSession[]>('list_training_sessions');

export const listPlanVersions = () => rpc<PlanVersion[]>('list_plan_versions');

/** The six sections of the Menú Participa, generated from the mapping of plan activities. */
export const getParticipaMenu = () => rpc<ParticipaSection[]>('get_participa_menu');

/** The personal-data notice of the invitations sign-up form. */
export const getSubscriptionNotice = () => rpc<{ version: string; text: string; purpose: string }>('get_subscription_notice');
