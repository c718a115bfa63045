/**
 * Typed client of the c360 HTTP API, without a runtime dependency on the zod schemas: every method
 * returns the contract's typed data, or throws {@link C360ApiError} carrying the problem+json.
 * Responses are checked by `options.validate` when given ({@link createClient} in client.ts passes
 * the zod check; the elements use {@link createLightClient}, which trusts the server's responses and
 * so keeps zod out of the page — ~100 KB gzip, docs/decisions.md). Concurrent identical GETs share
 * one request (several elements on a page ask for the same 360).
 * @module
 */
import type { z } from 'zod';
import type { RESPONSE_SCHEMAS, ResponseName } from './response-schemas.js';
import type { CustomerSearchQuery } from './schemas/customer.js';
import type { OrdersQuery } from './schemas/orders.js';
import type { TimelineQuery } from './schemas/timeline.js';
import type { NewNote, NotesQuery } from './schemas/notes.js';
import type { NewTag, TagAssignment } from './schemas/tags.js';
import type { NewSegment, SegmentCriteria, SegmentUpdate } from './schemas/segments.js';
import type { EmailAction, PointsAction, TicketAction } from './schemas/actions.js';
import type { BulkExportQuery, ExportQuery } from './schemas/export.js';
import type { PreferencesEdit } from './schemas/preferences.js';
import type { AuditQuery } from './schemas/audit.js';
import type { NotificationPreferencesUpdate, NotificationsQuery } from './schemas/notifications.js';
import type { ExportScheduleUpdate, NewExportSchedule } from './schemas/export-schedules.js';
import type { CustomerFollowUpsQuery, FollowUpUpdate, FollowUpsQuery, NewFollowUp } from './schemas/follow-ups.js';
import { C360ApiError, problemFrom } from './errors.js';
import { subscribe as subscribeStream, type ChangeHandler, type SubscribeOptions } from './subscribe.js';

/** The typed body of the response named `N` (a key of RESPONSE_SCHEMAS). */
export type ResponseOf<N extends ResponseName> = z.infer<(typeof RESPONSE_SCHEMAS)[N]>;

/**
 * Checks a response body against the contract: returns the parsed body or throws
 * {@link C360ApiError} (status 0, "Unexpected response", naming the path and the field).
 */
export type ResponseValidator = <N extends ResponseName>(name: N, body: unknown, path: string) => ResponseOf<N>;

export interface ClientOptions {
  /** Base URL of the API including `/api`, e.g. `http://localhost:8360/api` or `/api`. */
  baseUrl: string;
  /** Bearer token (API key or embed token), sent as `Authorization: Bearer …`. */
  token?: string;
  /** A fetch implementation (defaults to the global one). */
  fetch?: typeof fetch;
  /** Checks every response (and change record) against the contract; without it they are trusted. */
  validate?: ResponseValidator;
}

type Params = Record<string, string | number | string[] | undefined | null>;

function queryString(params: Params = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

/** Progress and cancellation of {@link C360Client.exportCustomers}. */
export interface BulkExportOptions {
  /** Called as rows arrive: customer rows received so far, and how many match (when known). */
  onProgress?: (rows: number, total: number | undefined) => void;
  /** Aborts the download (the promise rejects with an AbortError). */
  signal?: AbortSignal;
}

/** A downloaded export. */
export interface ExportFile {
  blob: Blob;
  /** E.g. `c360-17850-2011-12-09.pdf`. */
  filename: string;
  contentType: string;
  /** The file's language as the server answered it (`Content-Language`: `en`, `fr` or `ar`); undefined when it did not say. */
  language?: string;
}

export interface C360Client {
  readonly baseUrl: string;
  /** GET /customers — search and filter, keyset-paginated. */
  searchCustomers(query?: CustomerSearchQuery, init?: RequestInit): Promise<ResponseOf<'CustomerSearchPage'>>;
  /** GET /customers/:id/360 — profile, metrics, health, churn, RFM, segments, tags, flags. */
  getCustomer360(id: string, init?: RequestInit): Promise<ResponseOf<'Customer360'>>;
  /** GET /customers/:id/orders — newest first with totals. */
  getOrders(id: string, query?: OrdersQuery, init?: RequestInit): Promise<ResponseOf<'OrdersPage'>>;
  /** GET /customers/:id/timeline — newest first; pass `nextCursor` back as `cursor`. */
  getTimeline(id: string, query?: TimelineQuery, init?: RequestInit): Promise<ResponseOf<'TimelinePage'>>;
  /** GET /customers/:id/loyalty — tier, points, progress to the next tier, expiring points, referrals, last 10 transactions. */
  getLoyalty(id: string, init?: RequestInit): Promise<ResponseOf<'LoyaltyStatus'>>;
  /** GET /customers/:id/marketing — opt-ins, preferences, consent log, campaigns, open/click rates, segments. */
  getMarketing(id: string, init?: RequestInit): Promise<ResponseOf<'MarketingEngagement'>>;
  /** GET /customers/:id/support — tickets newest first, resolution time, CSAT and NPS. */
  getSupport(id: string, init?: RequestInit): Promise<ResponseOf<'SupportHistory'>>;
  /** GET /customers/:id/support/tickets/:ticketId — one ticket with its history. */
  getTicket(id: string, ticketId: string, init?: RequestInit): Promise<ResponseOf<'TicketDetail'>>;
  /** GET /customers/:id/payments — saved methods, transactions, totals. */
  getPayments(id: string, init?: RequestInit): Promise<ResponseOf<'PaymentsOverview'>>;
  /** GET /customers/:id/analytics — viewed/purchased categories, sessions, devices, shopping times, CLV and CSAT trends. */
  getAnalytics(id: string, init?: RequestInit): Promise<ResponseOf<'BehaviorAnalytics'>>;
  /** GET /customers/:id/notes — the notes the caller may read, newest first, with author and time. */
  getNotes(id: string, query?: NotesQuery, init?: RequestInit): Promise<ResponseOf<'NotesPage'>>;
  /** POST /customers/:id/notes — adds a note as the caller; with `idempotencyKey`, a retry returns the first note. */
  addNote(id: string, note: NewNote, options?: { idempotencyKey?: string }, init?: RequestInit): Promise<ResponseOf<'Note'>>;
  /** GET /tags — every tag with its usage count. */
  getTags(init?: RequestInit): Promise<ResponseOf<'TagList'>>;
  /** POST /tags — creates a tag (409 when the name exists, ignoring case). */
  createTag(tag: NewTag, init?: RequestInit): Promise<ResponseOf<'TagSummary'>>;
  /** GET /customers/:id/tags — the customer's tags. */
  getCustomerTags(id: string, init?: RequestInit): Promise<ResponseOf<'CustomerTags'>>;
  /** POST /customers/:id/tags — tags the customer by `tagId` or `name` (created if needed); returns its tags. */
  tagCustomer(id: string, tag: TagAssignment, init?: RequestInit): Promise<ResponseOf<'CustomerTags'>>;
  /** DELETE /customers/:id/tags/:tagId — removes the tag. */
  untagCustomer(id: string, tagId: string, init?: RequestInit): Promise<void>;
  /** GET /segments — RFM, rule and manual segments with member counts. */
  getSegments(init?: RequestInit): Promise<ResponseOf<'SegmentList'>>;
  /** POST /segments — creates a rule (with criteria) or manual segment. */
  createSegment(segment: NewSegment, init?: RequestInit): Promise<ResponseOf<'Segment'>>;
  /** PATCH /segments/:segmentId — renames it or changes its criteria. */
  updateSegment(segmentId: string, changes: SegmentUpdate, init?: RequestInit): Promise<ResponseOf<'Segment'>>;
  /** POST /segments/preview — how many customers `criteria` select (exact up to 10,000) and the first 5; saves nothing. */
  previewSegment(criteria: SegmentCriteria, init?: RequestInit): Promise<ResponseOf<'SegmentPreview'>>;
  /** POST /customers/:id/segments — adds the customer to a manual segment; returns its segments. */
  addToSegment(id: string, segmentId: string, init?: RequestInit): Promise<ResponseOf<'CustomerSegments'>>;
  /** DELETE /customers/:id/segments/:segmentId — removes the customer from a manual segment (audited). */
  removeFromSegment(id: string, segmentId: string, init?: RequestInit): Promise<void>;
  /** GET /customers/compare — 2–3 customers side by side with differences and segment overlap. */
  compareCustomers(ids: readonly string[], init?: RequestInit): Promise<ResponseOf<'CustomerComparison'>>;
  /** POST /customers/:id/actions/email — emails the customer (refused without opt-in, without an address or in quiet hours). */
  sendEmail(id: string, email: EmailAction, options?: { idempotencyKey?: string }, init?: RequestInit): Promise<ResponseOf<'EmailQueued'>>;
  /** POST /customers/:id/actions/ticket — opens a support ticket as the caller. */
  createTicket(
    id: string,
    ticket: TicketAction,
    options?: { idempotencyKey?: string },
    init?: RequestInit,
  ): Promise<ResponseOf<'TicketSummary'>>;
  /** POST /customers/:id/actions/points — adds (positive) or takes (negative) loyalty points; returns the new balance. */
  adjustPoints(
    id: string,
    adjustment: PointsAction,
    options?: { idempotencyKey?: string },
    init?: RequestInit,
  ): Promise<ResponseOf<'PointsAdjusted'>>;
  /** PATCH /customers/:id/preferences — changes consent (with a reason) and preferences; consent log, timeline and audit follow. */
  updatePreferences(
    id: string,
    edit: PreferencesEdit,
    options?: { idempotencyKey?: string },
    init?: RequestInit,
  ): Promise<ResponseOf<'PreferencesEdited'>>;
  /** GET /audit — audit entries newest first (manager and up); pass `nextCursor` back as `cursor`. */
  getAudit(query?: AuditQuery, init?: RequestInit): Promise<ResponseOf<'AuditPage'>>;
  /** GET /me — who the token is: name, role, permissions, customer scope (elements hide what the role cannot do). */
  getMe(init?: RequestInit): Promise<ResponseOf<'CurrentActor'>>;
  /**
   * GET /customers/:id/export — the PDF report, the CSV of metrics and orders or the Excel workbook (a sheet per section), with its
   * filename (R17). Pass a format, or `{format, locale}` to have the file written in `locale` (`en`, `fr`, `ar`) whatever the
   * browser's `Accept-Language` says.
   */
  exportCustomer(id: string, query: NonNullable<ExportQuery['format']> | ExportQuery, init?: RequestInit): Promise<ExportFile>;
  /**
   * GET /customers/export.csv — every customer matching the filters of GET /customers, as one CSV
   * (streamed by the server, audited). `onProgress(rows, total)` reports the customer rows received
   * so far and the match count (the `X-C360-Total` header; undefined when a proxy or CORS hides it). `query.locale` (`en`, `fr`,
   * `ar`) writes the comment line and the header in that language, whatever the browser's `Accept-Language` says.
   */
  exportCustomers(query?: BulkExportQuery, options?: BulkExportOptions, init?: RequestInit): Promise<ExportFile>;
  /** GET /notifications — the caller's notifications, newest first, with the unread count. */
  getNotifications(query?: NotificationsQuery, init?: RequestInit): Promise<ResponseOf<'NotificationsPage'>>;
  /** POST /notifications/:id/read — marks one read; returns it. */
  markNotificationRead(id: string, init?: RequestInit): Promise<ResponseOf<'Notification'>>;
  /** GET /notifications/preferences — the kinds and channels the caller subscribed to. */
  getNotificationPreferences(init?: RequestInit): Promise<ResponseOf<'NotificationPreferences'>>;
  /** PUT /notifications/preferences — replaces them. */
  saveNotificationPreferences(
    preferences: NotificationPreferencesUpdate,
    init?: RequestInit,
  ): Promise<ResponseOf<'NotificationPreferences'>>;
  /** GET /export-schedules — every scheduled export. */
  getExportSchedules(init?: RequestInit): Promise<ResponseOf<'ExportScheduleList'>>;
  /** POST /export-schedules — schedules a bulk export (cron + time zone, delivery). */
  createExportSchedule(schedule: NewExportSchedule, init?: RequestInit): Promise<ResponseOf<'ExportSchedule'>>;
  /** PATCH /export-schedules/:id — changes, pauses (`{paused: true}`) or resumes it. */
  updateExportSchedule(id: string, changes: ExportScheduleUpdate, init?: RequestInit): Promise<ResponseOf<'ExportSchedule'>>;
  /** DELETE /export-schedules/:id. */
  deleteExportSchedule(id: string, init?: RequestInit): Promise<void>;
  /** POST /customers/:id/actions/follow-up — schedules a follow-up (due time, assignee: default the caller, note). */
  scheduleFollowUp(
    id: string,
    followUp: NewFollowUp,
    options?: { idempotencyKey?: string },
    init?: RequestInit,
  ): Promise<ResponseOf<'FollowUp'>>;
  /** GET /customers/:id/follow-ups — the customer's follow-ups (open by default), soonest due first, with the server's clock. */
  getCustomerFollowUps(id: string, query?: CustomerFollowUpsQuery, init?: RequestInit): Promise<ResponseOf<'FollowUpsPage'>>;
  /** GET /follow-ups — one assignee's follow-ups (default: the caller's open ones), soonest due first. */
  getFollowUps(query?: FollowUpsQuery, init?: RequestInit): Promise<ResponseOf<'FollowUpsPage'>>;
  /** PATCH /follow-ups/:id — marks it done or cancelled, reopens, reassigns, reschedules or edits its note. */
  updateFollowUp(followUpId: string, changes: FollowUpUpdate, init?: RequestInit): Promise<ResponseOf<'FollowUp'>>;
  /** GET /stream — calls `handler` with each change to the customer (R18) until the returned function is called. */
  subscribe(customerId: string, handler: ChangeHandler, options?: SubscribeOptions): () => void;
  /**
   * Any endpoint by method and path under `baseUrl` (e.g. `GET /customers/compare`), with the bearer
   * token, a query and a JSON body: the parsed JSON answer (undefined when there is none, e.g. 204).
   * Not checked against the contract — for endpoints without a typed method, and Refine's `custom`.
   * Errors as the typed methods ({@link C360ApiError}).
   */
  call(method: string, path: string, options?: CallOptions, init?: RequestInit): Promise<unknown>;
}

/** The query, JSON body and extra headers of {@link C360Client.call}. */
export interface CallOptions {
  query?: Record<string, string | number | string[] | undefined | null>;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * Creates a client that checks responses only with `options.validate` (none: trusted). Errors:
 * {@link C360ApiError} with the server's problem (status 4xx/5xx), or status 0 when the network
 * fails or (with `validate`) the body is not what the contract says.
 *
 * @example
 * const c360 = createLightClient({ baseUrl: '/api', token });
 * const view = await c360.getCustomer360('17850');
 * view.metrics.lifetimeValue; // 5391.21 (GBP)
 */
export function createLightClient(options: ClientOptions): C360Client {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const inflight = new Map<string, Promise<unknown>>();

  /**
   * Fetches `path` with the bearer token; a network failure is a C360ApiError with status 0 (an abort
   * stays an AbortError), an error status a C360ApiError with the server's problem+json.
   */
  async function fetchOk(path: string, init: RequestInit, accept?: string): Promise<Response> {
    const headers = new Headers(init.headers);
    if (accept) headers.set('accept', accept);
    if (options.token) headers.set('authorization', `Bearer ${options.token}`);
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, { ...init, headers });
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') throw error;
      throw new C360ApiError({
        type: 'about:blank',
        title: 'Network error',
        status: 0,
        detail: `Cannot reach ${baseUrl}: ${(error as Error).message}`,
      });
    }
    if (!response.ok) throw new C360ApiError(problemFrom(await response.json().catch(() => undefined), response));
    return response;
  }

  async function request<N extends ResponseName>(name: N, path: string, init: RequestInit = {}): Promise<ResponseOf<N>> {
    const response = await fetchOk(path, init, 'application/json');
    const body: unknown = await response.json().catch(() => undefined);
    return options.validate ? options.validate(name, body, path) : (body as ResponseOf<N>);
  }

  /**
   * A file download: the body as a Blob and the filename from Content-Disposition. With
   * `onChunk`, the body is read as a stream and each chunk is passed on as it arrives.
   */
  async function download(
    path: string,
    init: RequestInit = {},
    onChunk?: (chunk: Uint8Array, response: Response) => void,
  ): Promise<ExportFile> {
    const response = await fetchOk(path, init);
    const disposition = response.headers.get('content-disposition') ?? '';
    const filename = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? 'c360-export';
    const contentType = response.headers.get('content-type') ?? 'application/octet-stream';
    const language = response.headers.get('content-language') ?? undefined;
    if (!onChunk || !response.body) return { blob: await response.blob(), filename, contentType, language };
    const chunks: Uint8Array[] = [];
    const reader = response.body.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      chunks.push(value);
      onChunk(value, response);
    }
    return { blob: new Blob(chunks as BlobPart[], { type: contentType }), filename, contentType, language };
  }

  /** GET /customers/export.csv, counting the CSV's customer rows for `onProgress` as they arrive. */
  function exportCustomers(query: BulkExportQuery = {}, progress: BulkExportOptions = {}, init: RequestInit = {}): Promise<ExportFile> {
    let lines = 0;
    let total: number | undefined;
    const newline = 10;
    return download(
      `/customers/export.csv${queryString(query as Params)}`,
      { ...init, ...(progress.signal ? { signal: progress.signal } : {}) },
      (chunk, response) => {
        if (total === undefined) {
          const header = Number(response.headers.get('x-c360-total'));
          total = Number.isInteger(header) && header >= 0 ? header : undefined;
        }
        for (const byte of chunk) if (byte === newline) lines++;
        // The first two lines are the `#` comment and the column header.
        progress.onProgress?.(Math.max(0, lines - 2), total);
      },
    );
  }

  /**
   * GETs are shared while in flight. The shared request runs without the caller's signal; a caller
   * whose signal aborts gets an AbortError at once while the others still get the response.
   */
  function get<N extends ResponseName>(name: N, path: string, init?: RequestInit): Promise<ResponseOf<N>> {
    let shared = inflight.get(path) as Promise<ResponseOf<N>> | undefined;
    if (!shared) {
      const { signal: _ignored, ...rest } = init ?? {};
      shared = request(name, path, rest).finally(() => inflight.delete(path));
      inflight.set(path, shared);
    }
    const signal = init?.signal;
    if (!signal) return shared;
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      shared.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  /** A request with a JSON body (POST, PATCH) or none (DELETE); never shared. */
  function send<N extends ResponseName>(
    name: N,
    method: string,
    path: string,
    body?: unknown,
    init: RequestInit = {},
    extra?: Record<string, string>,
  ): Promise<ResponseOf<N>> {
    const headers = new Headers(init.headers);
    if (body !== undefined) headers.set('content-type', 'application/json');
    for (const [name, value] of Object.entries(extra ?? {})) headers.set(name, value);
    return request(name, path, { ...init, method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  }

  /** {@link C360Client.call}: any endpoint, JSON in and out, unchecked. */
  async function call(method: string, path: string, o: CallOptions = {}, init: RequestInit = {}): Promise<unknown> {
    const headers = new Headers(init.headers);
    for (const [name, value] of Object.entries(o.headers ?? {})) headers.set(name, value);
    if (o.body !== undefined) headers.set('content-type', 'application/json');
    const body = o.body === undefined ? {} : { body: JSON.stringify(o.body) };
    const response = await fetchOk(
      `${path.startsWith('/') ? '' : '/'}${path}${queryString(o.query as Params)}`,
      { ...init, method: method.toUpperCase(), headers, ...body },
      'application/json',
    );
    const text = await response.text();
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  }

  const enc = encodeURIComponent;
  return {
    baseUrl,
    call,
    searchCustomers: (query, init) => get('CustomerSearchPage', `/customers${queryString(query as Params)}`, init),
    getCustomer360: (id, init) => get('Customer360', `/customers/${enc(id)}/360`, init),
    getOrders: (id, query, init) => get('OrdersPage', `/customers/${enc(id)}/orders${queryString(query as Params)}`, init),
    getTimeline: (id, query, init) => get('TimelinePage', `/customers/${enc(id)}/timeline${queryString(query as Params)}`, init),
    getLoyalty: (id, init) => get('LoyaltyStatus', `/customers/${enc(id)}/loyalty`, init),
    getMarketing: (id, init) => get('MarketingEngagement', `/customers/${enc(id)}/marketing`, init),
    getSupport: (id, init) => get('SupportHistory', `/customers/${enc(id)}/support`, init),
    getTicket: (id, ticketId, init) => get('TicketDetail', `/customers/${enc(id)}/support/tickets/${enc(ticketId)}`, init),
    getPayments: (id, init) => get('PaymentsOverview', `/customers/${enc(id)}/payments`, init),
    getAnalytics: (id, init) => get('BehaviorAnalytics', `/customers/${enc(id)}/analytics`, init),
    getNotes: (id, query, init) => get('NotesPage', `/customers/${enc(id)}/notes${queryString(query as Params)}`, init),
    addNote: (id, note, options, init) =>
      send(
        'Note',
        'POST',
        `/customers/${enc(id)}/notes`,
        note,
        init,
        options?.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : undefined,
      ),
    getTags: (init) => get('TagList', '/tags', init),
    createTag: (tag, init) => send('TagSummary', 'POST', '/tags', tag, init),
    getCustomerTags: (id, init) => get('CustomerTags', `/customers/${enc(id)}/tags`, init),
    tagCustomer: (id, tag, init) => send('CustomerTags', 'POST', `/customers/${enc(id)}/tags`, tag, init),
    untagCustomer: (id, tagId, init) => send('NoContent', 'DELETE', `/customers/${enc(id)}/tags/${enc(tagId)}`, undefined, init),
    getSegments: (init) => get('SegmentList', '/segments', init),
    createSegment: (segment, init) => send('Segment', 'POST', '/segments', segment, init),
    updateSegment: (segmentId, changes, init) => send('Segment', 'PATCH', `/segments/${enc(segmentId)}`, changes, init),
    previewSegment: (criteria, init) => send('SegmentPreview', 'POST', '/segments/preview', { criteria }, init),
    addToSegment: (id, segmentId, init) => send('CustomerSegments', 'POST', `/customers/${enc(id)}/segments`, { segmentId }, init),
    removeFromSegment: (id, segmentId, init) =>
      send('NoContent', 'DELETE', `/customers/${enc(id)}/segments/${enc(segmentId)}`, undefined, init),
    compareCustomers: (ids, init) => get('CustomerComparison', `/customers/compare${queryString({ ids: [...ids] })}`, init),
    sendEmail: (id, email, o, init) =>
      send(
        'EmailQueued',
        'POST',
        `/customers/${enc(id)}/actions/email`,
        email,
        init,
        o?.idempotencyKey ? { 'idempotency-key': o.idempotencyKey } : undefined,
      ),
    createTicket: (id, ticket, o, init) =>
      send(
        'TicketSummary',
        'POST',
        `/customers/${enc(id)}/actions/ticket`,
        ticket,
        init,
        o?.idempotencyKey ? { 'idempotency-key': o.idempotencyKey } : undefined,
      ),
    adjustPoints: (id, adjustment, o, init) =>
      send(
        'PointsAdjusted',
        'POST',
        `/customers/${enc(id)}/actions/points`,
        adjustment,
        init,
        o?.idempotencyKey ? { 'idempotency-key': o.idempotencyKey } : undefined,
      ),
    updatePreferences: (id, edit, o, init) =>
      send(
        'PreferencesEdited',
        'PATCH',
        `/customers/${enc(id)}/preferences`,
        edit,
        init,
        o?.idempotencyKey ? { 'idempotency-key': o.idempotencyKey } : undefined,
      ),
    getAudit: (query, init) => get('AuditPage', `/audit${queryString(query as Params)}`, init),
    getMe: (init) => get('CurrentActor', '/me', init),
    exportCustomer: (id, query, init) =>
      download(`/customers/${enc(id)}/export${queryString((typeof query === 'string' ? { format: query } : query) as Params)}`, init),
    exportCustomers,
    getNotifications: (query, init) => get('NotificationsPage', `/notifications${queryString(query as Params)}`, init),
    markNotificationRead: (id, init) => send('Notification', 'POST', `/notifications/${enc(id)}/read`, undefined, init),
    getNotificationPreferences: (init) => get('NotificationPreferences', '/notifications/preferences', init),
    saveNotificationPreferences: (preferences, init) =>
      send('NotificationPreferences', 'PUT', '/notifications/preferences', preferences, init),
    getExportSchedules: (init) => get('ExportScheduleList', '/export-schedules', init),
    createExportSchedule: (schedule, init) => send('ExportSchedule', 'POST', '/export-schedules', schedule, init),
    updateExportSchedule: (id, changes, init) => send('ExportSchedule', 'PATCH', `/export-schedules/${enc(id)}`, changes, init),
    deleteExportSchedule: (id, init) => send('NoContent', 'DELETE', `/export-schedules/${enc(id)}`, undefined, init),
    scheduleFollowUp: (id, followUp, o, init) =>
      send(
        'FollowUp',
        'POST',
        `/customers/${enc(id)}/actions/follow-up`,
        followUp,
        init,
        o?.idempotencyKey ? { 'idempotency-key': o.idempotencyKey } : undefined,
      ),
    getCustomerFollowUps: (id, query, init) =>
      get('FollowUpsPage', `/customers/${enc(id)}/follow-ups${queryString(query as Params)}`, init),
    getFollowUps: (query, init) => get('FollowUpsPage', `/follow-ups${queryString(query as Params)}`, init),
    updateFollowUp: (followUpId, changes, init) => send('FollowUp', 'PATCH', `/follow-ups/${enc(followUpId)}`, changes, init),
    subscribe: (customerId, handler, subscribeOptions) =>
      subscribeStream(
        {
          baseUrl,
          ...(options.token ? { token: options.token } : {}),
          ...(options.fetch ? { fetch: options.fetch } : {}),
          ...(options.validate ? { validate: options.validate } : {}),
        },
        customerId,
        handler,
        subscribeOptions,
      ),
  };
}
