import type { Caller } from '../../db/store.ts';
import type { Result } from '../../result.ts';
import { attendanceInput, createHearingInput, updateHearingInput, type Hearing } from '../schemas.ts';
import { staffCall } from './call.ts';

/** A new hearing, with its evaluation survey; questions open at once unless `questionsOpenAt` says later. */
export const createHearing = (body: unknown, caller: Caller): Promise<Result<Hearing>> =>
  staffCall(caller, createHearingInput, body, 'staff_save_hearing', ({ slug, ...hearing }) => ({ p_slug: slug, p_hearing: hearing, p_create: true }));

/** Edits a hearing's facts, links, accessibility and question window. */
export const updateHearing = (slug: string, body: unknown, caller: Caller): Promise<Result<Hearing>> =>
  staffCall(caller, updateHearingInput, body, 'staff_save_hearing', (hearing) => ({ p_slug: slug, p_hearing: hearing, p_create: false }));

/** Online viewers (as the platform reports them) and people who attended in person. */
export const recordAttendance = (slug: string, body: unknown, caller: Caller): Promise<Result<Hearing>> =>
  staffCall(caller, attendanceInput, body, 'staff_record_attendance', (v) => ({
    p_slug: slug,
    p_online_viewers: v.onlineViewers ?? null,
    p_in_person: v.inPersonAttendees ?? null,
  }));
