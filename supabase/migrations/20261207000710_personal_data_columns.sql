-- Which columns hold a citizen's personal data, said where the catalogue can read it: a column comment
-- that starts with «Dato personal:». tests/personal-data/coverage.test.ts walks every such column and
-- fails when its table has no retention rule (private.retention_rules), no consent or legal basis, or no
-- place in the holder's export and suppression. Staff's own data (who checked a ticket in, an advisor's
-- address) start with «Dato de servidor:»: the agency's staff rules govern it, not this policy.

comment on column public.event_registrations.full_name is 'Dato personal: the ticket holder''s name.';
comment on column public.event_registrations.document_id is 'Dato personal: document number normalised: digits and capital letters only (dots, spaces and dashes removed).';
comment on column public.event_registrations.email is 'Dato personal: where the ticket is sent; lower case.';
comment on column public.event_registrations.phone is 'Dato personal: optional contact phone, as typed (trimmed).';
comment on column public.event_registrations.checked_in_by is 'Dato de servidor: who checked it in (JWT e-mail, or sub when the token has no e-mail).';

comment on column public.event_waitlist_entries.full_name is 'Dato personal: name of who waits in line.';
comment on column public.event_waitlist_entries.email is 'Dato personal: where offers are sent; lower case.';

comment on column public.advisory_bookings.full_name is 'Dato personal: the entrepreneur''s name.';
comment on column public.advisory_bookings.document_id is 'Dato personal: document number normalised (digits and capital letters).';
comment on column public.advisory_bookings.email is 'Dato personal: where confirmation, reminders and the survey are sent; lower case.';
comment on column public.advisory_bookings.phone is 'Dato personal: contact phone, as typed.';
comment on column public.advisory_bookings.business_name is 'Dato personal: name of the business (optional); it may name the person.';
comment on column public.advisory_bookings.need is 'Dato personal: what the entrepreneur needs help with, in their own words (the contract''s topic field).';

comment on column public.hearing_questions.full_name is 'Dato personal: optional; used only to greet the citizen in the answer e-mail, never published.';
comment on column public.hearing_questions.email is 'Dato personal: where the answer is sent; lower case. Null once the citizen asked to be forgotten or its retention ended.';
comment on column public.hearing_questions.answered_by is 'Dato de servidor: who answered (JWT e-mail, or sub).';

comment on column public.invitation_subscribers.email is 'Dato personal: where invitations are sent; lower case. After unsubscribing, kept only as the record that it asked not to be written to.';
comment on column public.invitation_subscribers.full_name is 'Dato personal: optional name; erased on unsubscribing.';
comment on column public.invitation_subscribers.organisation is 'Dato personal: optional organisation; erased on unsubscribing.';

comment on column public.phone_contacts.full_name is 'Dato personal: name to ask for on the phone. Null once purged.';
comment on column public.phone_contacts.phone is 'Dato personal: Colombian number in E.164: +57 and a 10-digit mobile (3xx) or landline (60x + 7 digits). Null once purged.';
comment on column public.phone_contacts.locked_by_email is 'Dato de servidor: e-mail of the interviewer holding the lease.';
comment on column public.phone_contacts.imported_by is 'Dato de servidor: who imported the contact.';
comment on column public.phone_call_attempts.notes is 'Dato personal: interviewer''s notes (≤ 500 chars); may hold personal data, so they are purged with the contact.';
comment on column public.phone_call_attempts.interviewer_email is 'Dato de servidor: e-mail of the interviewer who made the call.';
comment on column public.advisors.email is 'Dato de servidor: the advisor''s work address (their agenda and sign-in).';
comment on column private.staff_roster.email is 'Dato de servidor: who may sign in locally (lower case).';
comment on column private.staff_sign_in_codes.email is 'Dato de servidor: any e-mail that asked for a code: addresses off the roster get an unusable code, so answers never reveal who is staff.';
comment on column private.audit_log.actor_email is 'Dato de servidor: the staff member who made the change.';
