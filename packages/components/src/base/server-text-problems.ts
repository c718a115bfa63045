/**
 * Problem titles of the server (`problem.*` codes of problem+json) in the active language.
 * @module
 */
import { msg } from '@lit/localize';
import type { Problem } from '@c360/sdk';
import { activeLanguage } from './localize.js';

/** Renderers by code. */
export const PROBLEM_TEXTS: Record<string, () => string> = {
  'problem.invalidRequest': () => msg('Invalid request', { id: 'c360-problem-invalidRequest' }),
  'problem.idempotencyKeyReused': () => msg('Idempotency-Key reused', { id: 'c360-problem-idempotencyKeyReused' }),
  'problem.requestInProgress': () => msg('Request in progress', { id: 'c360-problem-requestInProgress' }),
  'problem.notReady': () => msg('Not ready', { id: 'c360-problem-notReady' }),
  'problem.payloadTooLarge': () => msg('Payload too large', { id: 'c360-problem-payloadTooLarge' }),
  'problem.quietHours': () => msg('Customer is in quiet hours', { id: 'c360-problem-quietHours' }),
  'problem.tagExists': () => msg('Tag exists', { id: 'c360-problem-tagExists' }),
  'problem.segmentNameTaken': () => msg('Segment name taken', { id: 'c360-problem-segmentNameTaken' }),
  'problem.segmentBuiltIn': () => msg('Segment is built in', { id: 'c360-problem-segmentBuiltIn' }),
  'problem.segmentAutomatic': () => msg('Segment is automatic', { id: 'c360-problem-segmentAutomatic' }),
  'problem.ticketNotFound': () => msg('Ticket not found', { id: 'c360-problem-ticketNotFound' }),
  'problem.tagNotFound': () => msg('Tag not found', { id: 'c360-problem-tagNotFound' }),
  'problem.tagNotAssigned': () => msg('Tag not assigned', { id: 'c360-problem-tagNotAssigned' }),
  'problem.segmentNotFound': () => msg('Segment not found', { id: 'c360-problem-segmentNotFound' }),
  'problem.notificationNotFound': () => msg('Notification not found', { id: 'c360-problem-notificationNotFound' }),
  'problem.notFound': () => msg('Not found', { id: 'c360-problem-notFound' }),
  'problem.notAMember': () => msg('Not a member', { id: 'c360-problem-notAMember' }),
  'problem.exportScheduleNotFound': () => msg('Export schedule not found', { id: 'c360-problem-exportScheduleNotFound' }),
  'problem.exportRunNotFound': () => msg('Export run not found', { id: 'c360-problem-exportRunNotFound' }),
  'problem.customerNotFound': () => msg('Customer not found', { id: 'c360-problem-customerNotFound' }),
  'problem.forbidden': () => msg('Forbidden', { id: 'c360-problem-forbidden' }),
  'problem.unauthorized': () => msg('Unauthorized', { id: 'c360-problem-unauthorized' }),
  'problem.noToken': () => msg('No token', { id: 'c360-problem-noToken' }),
  'problem.noEmailAddress': () => msg('Customer has no email address', { id: 'c360-problem-noEmailAddress' }),
  'problem.emailNotOptedIn': () => msg('Customer has not opted in to email', { id: 'c360-problem-emailNotOptedIn' }),
  'problem.emailOptedOut': () => msg('Customer has opted out of email', { id: 'c360-problem-emailOptedOut' }),
  'problem.emailNotSent': () => msg('Email not sent', { id: 'c360-problem-emailNotSent' }),
  'problem.pointsNotAdded': () => msg('Points cannot be added', { id: 'c360-problem-pointsNotAdded' }),
  'problem.notEnoughPoints': () => msg('Not enough points', { id: 'c360-problem-notEnoughPoints' }),
  'problem.tooManyRequests': () => msg('Too many requests', { id: 'c360-problem-tooManyRequests' }),
  'problem.fileGone': () => msg('File no longer kept', { id: 'c360-problem-fileGone' }),
  'problem.databaseBusy': () => msg('Database busy', { id: 'c360-problem-databaseBusy' }),
  'problem.followUpNotFound': () => msg('Follow-up not found', { id: 'c360-problem-followUpNotFound' }),
  'problem.eventConflict': () => msg('Event cannot be applied', { id: 'c360-problem-eventConflict' }),
  'problem.internal': () => msg('Internal server error', { id: 'c360-problem-internal' }),
};

/** A problem's title in the active language (by its `code`), else its English title. */
export function problemTitle(problem: Pick<Problem, 'title' | 'code'>): string {
  const render = problem.code && Object.hasOwn(PROBLEM_TEXTS, problem.code) ? PROBLEM_TEXTS[problem.code] : undefined;
  return render ? render() : problem.title;
}

/**
 * Why a request failed, for a dialog: in English the problem's `detail` (else its title); in another
 * language its translated title, since `detail` is English (the detail when the title has no code).
 */
export function problemReason(problem: Pick<Problem, 'title' | 'code' | 'detail'>): string {
  const translated = activeLanguage() !== 'en' && problem.code && Object.hasOwn(PROBLEM_TEXTS, problem.code);
  return translated ? problemTitle(problem) : (problem.detail ?? problem.title);
}
