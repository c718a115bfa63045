/**
 * The words of a ticket's status, priority and history entries, in the active language (evaluated
 * at render time, so they follow a language change).
 * @module
 */
import { msg } from '@lit/localize';
import type { TicketPriority, TicketStatus } from '@c360/sdk';

/** A ticket status in words, in the active language. */
export function statusLabel(status: TicketStatus): string {
  const labels: Record<TicketStatus, string> = {
    open: msg('Open'),
    pending: msg('Pending'),
    in_progress: msg('In progress'),
    escalated: msg('Escalated'),
    resolved: msg('Resolved'),
    closed: msg('Closed'),
  };
  return labels[status] ?? status;
}

/** A ticket priority in words, in the active language. */
export function priorityLabel(priority: TicketPriority): string {
  const labels: Record<TicketPriority, string> = { low: msg('Low'), normal: msg('Normal'), high: msg('High'), urgent: msg('Urgent') };
  return labels[priority] ?? priority;
}

/** A ticket history entry's type in words, in the active language (unknown types as given). */
export function historyLabel(type: string): string {
  const labels: Record<string, string> = {
    opened: msg('Opened'),
    status_changed: msg('Status changed'),
    priority_changed: msg('Priority changed'),
    rating: msg('Rating'),
    comment: msg('Comment'),
  };
  return labels[type] ?? type;
}
