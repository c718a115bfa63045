/**
 * Scheduled exports (issue 12 item 7, 003) over the real app and the sample: the API saves, checks,
 * pauses and deletes definitions; a one-minute cron runs once per occurrence and is audited, even
 * with two scheduler instances on two connections to one database (the lease); the file is kept
 * for download, mailed as an attachment, or POSTed to a signed webhook; croner drives the ticks.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/db/connect.js';
import { OutboxTransport } from '../../src/actions/mail-transport.js';
import { ExportScheduler } from '../../src/schedules/scheduler.js';
import { verifyWebhook } from '../../src/notifications/signature.js';
import { openSampleApp, withToken, type SampleApp } from '../helpers/sample-db.js';

const SECRET = 'schedule-webhook-secret';
let sample: SampleApp;
let second: Db;
let dir: string;
let receiver: Server;
let hookUrl: string;
let savedSecret: string | undefined;
const hooks: Array<{ headers: IncomingHttpHeaders; body: Buffer }> = [];

const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const patch = (body: unknown): RequestInit => ({
  method: 'PATCH',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const auditRows = (action: string) => sample.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();
const scheduler = (db: Db, holder: string) =>
  new ExportScheduler(db, {
    holder,
    ctx: { asOf: sample.asOf },
    exportsDir: join(dir, 'exports'),
    mail: { transport: new OutboxTransport(join(dir, 'outbox')), from: 'c360 <c360@test>' },
  });

beforeAll(async () => {
  savedSecret = process.env.C360_WEBHOOK_SECRET;
  process.env.C360_WEBHOOK_SECRET = SECRET;
  dir = mkdtempSync(join(tmpdir(), 'c360-schedules-'));
  sample = await openSampleApp();
  // a second server instance on the same database
  second = await openDb(sample.engine === 'sqlite' ? { file: sample.location } : { url: sample.location });
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hooks.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/exports`;
});

afterAll(async () => {
  await second.destroy();
  await sample.close();
  await new Promise((resolve) => receiver.close(resolve));
  rmSync(dir, { recursive: true, force: true });
  if (savedSecret === undefined) delete process.env.C360_WEBHOOK_SECRET;
  else process.env.C360_WEBHOOK_SECRET = savedSecret;
});

describe('/export-schedules', () => {
  it('refuses a bad cron expression, time zone or filter naming the field, and roles without export', async () => {
    const base = { name: 'Bad', cron: '0 7 * * 1', delivery: { kind: 'download' } };
    const badCron = await sample.call('/export-schedules', post({ ...base, cron: '61 * * * * *' }));
    expect(badCron.status).toBe(400);
    expect(badCron.body.errors[0].field).toBe('body.cron');
    const badZone = await sample.call('/export-schedules', post({ ...base, timeZone: 'Mars/Olympus' }));
    expect(badZone.body.errors[0].field).toBe('body.timeZone');
    const badFilter = await sample.call('/export-schedules', post({ ...base, filters: { clvMin: 'lots' } }));
    expect(badFilter.status).toBe(400);
    expect(JSON.stringify(badFilter.body.errors)).toContain('clvMin');
    expect((await sample.call('/export-schedules', { as: 'agent' })).status).toBe(403);
    expect((await sample.call('/export-schedules', { as: { token: sample.embedToken('17850') } })).status).toBe(403);
    expect((await sample.call('/export-schedules')).body.items).toEqual([]);
  });

  it('a one-minute cron runs once per occurrence and is audited, with two scheduler instances on one database', async () => {
    const created = await sample.call(
      '/export-schedules',
      post({
        name: 'Big spenders',
        filters: { clvMin: 1000, sort: '-lifetimeValue' },
        format: 'xlsx',
        cron: '* * * * *',
        timeZone: 'Europe/Paris',
        delivery: { kind: 'download', retentionDays: 2 },
      }),
    );
    expect(created.status).toBe(201);
    const schedule = created.body;
    expect(schedule).toMatchObject({ owner: 'local operator', paused: false, lastRunAt: null });
    const due = new Date(schedule.nextRunAt);
    expect(due.getUTCSeconds()).toBe(0);
    expect(due.getTime() - Date.now()).toBeLessThanOrEqual(60_000);

    const [a, b] = [scheduler(sample.db, 'instance-a'), scheduler(second, 'instance-b')];
    expect(await a.tick(new Date(due.getTime() - 1000))).toBe(0); // not yet due
    const at = new Date(due.getTime() + 1000);
    const ran = await Promise.all([a.tick(at), b.tick(at), a.tick(at), b.tick(at)]);
    expect(ran.reduce((x, y) => x + y, 0)).toBe(1);
    expect(await b.tick(at)).toBe(0);

    const runs = (await sample.call(`/export-schedules/${schedule.id}/runs`)).body.items;
    expect(runs).toHaveLength(1);
    const total = (await sample.call('/customers?clvMin=1000&limit=1')).body.total;
    expect(runs[0]).toMatchObject({ scheduledFor: due.toISOString(), status: 'succeeded', rows: total, error: null });
    const audits = await auditRows('export.schedule.run');
    expect(audits).toHaveLength(1);
    expect(JSON.parse(audits[0]!.details!)).toMatchObject({
      scheduleId: schedule.id,
      status: 'succeeded',
      rows: total,
      format: 'xlsx',
      delivery: 'download',
    });
    const after = (await sample.call('/export-schedules')).body.items[0];
    expect(new Date(after.nextRunAt).getTime()).toBe(due.getTime() + 60_000);

    const file = await withToken(sample.rawApp, sample.tokens.manager).request(
      `http://localhost/export-schedules/${schedule.id}/runs/${runs[0].id}/file`,
    );
    expect(file.status).toBe(200);
    const [customers] = await readXlsxFile(Buffer.from(await file.arrayBuffer()));
    expect(customers!.data.length - 1).toBe(total);
    expect(await auditRows('export.schedule.download')).toHaveLength(1);

    // The next minute is the next occurrence: one more run.
    expect(await b.tick(new Date(due.getTime() + 61_000))).toBe(1);
    expect(await auditRows('export.schedule.run')).toHaveLength(2);
    expect((await sample.call(`/export-schedules/${schedule.id}`, { method: 'DELETE' })).status).toBe(204);
  });

  it('pausing stops the runs, resuming plans the next occurrence; changes and deletion are audited', async () => {
    const s = (
      await sample.call(
        '/export-schedules',
        post({ name: 'Weekly', cron: '0 7 * * 1', timeZone: 'America/New_York', delivery: { kind: 'download' } }),
      )
    ).body;
    expect(new Date(s.nextRunAt).getUTCHours()).toBeGreaterThanOrEqual(11); // 07:00 New York is 11:00 or 12:00 UTC
    const paused = await sample.call(`/export-schedules/${s.id}`, patch({ paused: true }));
    expect(paused.body).toMatchObject({ paused: true, nextRunAt: null });
    expect(await scheduler(sample.db, 'x').tick(new Date(Date.parse(s.nextRunAt) + 1000))).toBe(0);
    const resumed = await sample.call(`/export-schedules/${s.id}`, patch({ paused: false, cron: '30 6 * * *' }));
    expect(resumed.body.paused).toBe(false);
    expect(resumed.body.nextRunAt).not.toBeNull();
    expect((await sample.call(`/export-schedules/${s.id}`, patch({}))).status).toBe(400);
    expect((await sample.call('/export-schedules/sch_unknown', patch({ paused: true }))).status).toBe(404);
    expect((await sample.call(`/export-schedules/${s.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await auditRows('export.schedule.updated')).length).toBe(2);
    expect((await auditRows('export.schedule.deleted')).length).toBeGreaterThanOrEqual(1);
  });

  it('delivers by email with the file attached and by a signed webhook', async () => {
    const mail = (
      await sample.call(
        '/export-schedules',
        post({
          name: 'Mailed',
          cron: '* * * * *',
          format: 'csv',
          locale: 'fr',
          filters: { country: 'France' },
          delivery: { kind: 'email', to: ['boss@c360.test'] },
        }),
      )
    ).body;
    const hook = (
      await sample.call(
        '/export-schedules',
        post({ name: 'Hooked', cron: '* * * * *', format: 'xlsx', delivery: { kind: 'webhook', url: hookUrl } }),
      )
    ).body;
    const at = new Date(Math.max(Date.parse(mail.nextRunAt), Date.parse(hook.nextRunAt)) + 1000);
    expect(await scheduler(sample.db, 'mailer').tick(at)).toBe(2);

    const [message] = readdirSync(join(dir, 'outbox')).map((f) => JSON.parse(readFileSync(join(dir, 'outbox', f), 'utf8')));
    expect(message.headers.To).toBe('boss@c360.test');
    expect(message.headers.Subject).toBe('[c360] Export planifié : Mailed');
    const csv = Buffer.from(message.attachments[0].base64, 'base64').toString('utf8');
    expect(message.attachments[0].filename).toMatch(/^c360-Mailed-.*\.csv$/);
    const france = (await sample.call('/customers?country=France&limit=1')).body.total;
    expect(csv.trim().split('\r\n').length - 2).toBe(france);

    expect(hooks).toHaveLength(1);
    expect(hooks[0]!.headers['content-type']).toContain('spreadsheetml');
    expect(verifyWebhook(SECRET, hooks[0]!.headers['c360-signature'] as string, hooks[0]!.body)).toBe(true);
    expect(verifyWebhook(SECRET, hooks[0]!.headers['c360-signature'] as string, Buffer.concat([hooks[0]!.body, Buffer.from('x')]))).toBe(
      false,
    );
  });

  it('croner drives the ticks: a started scheduler runs a due schedule by itself', async () => {
    const s = (
      await sample.call(
        '/export-schedules',
        post({ name: 'Every second', cron: '* * * * * *', delivery: { kind: 'download', retentionDays: 1 } }),
      )
    ).body;
    const live = new ExportScheduler(sample.db, {
      holder: 'live',
      tickSeconds: 1,
      ctx: { asOf: sample.asOf },
      exportsDir: join(dir, 'exports'),
    });
    live.start();
    try {
      await expect
        .poll(async () => (await sample.call(`/export-schedules/${s.id}/runs`)).body.items.length, { timeout: 5000, interval: 100 })
        .toBeGreaterThan(0);
    } finally {
      live.stop();
    }
    await sample.call(`/export-schedules/${s.id}`, { method: 'DELETE' });
  });
});
