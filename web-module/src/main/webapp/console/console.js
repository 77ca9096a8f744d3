// ExactPay support console: a static page over the JAX-RS API. The staff token stays in this tab's
// sessionStorage and goes with every API call; the server checks the role of each call. Text from
// the API is only ever set as textContent, never parsed as HTML.
'use strict';

const API = '../api/v1';
const TOKEN_KEY = 'exactpay.console.token';

const $ = (selector) => document.querySelector(selector);

function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

/** The token's claims, decoded for display only (the server verifies it). */
function claims(jwt) {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(Array.from(atob(part), (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
    return JSON.parse(json);
  } catch (e) {
    return {};
  }
}

function isAdmin() {
  return (claims(token() || '').groups || []).includes('admin');
}

class ApiError extends Error {
  constructor(status, problem) {
    super(problem && problem.detail ? problem.detail : 'HTTP ' + status);
    this.status = status;
    this.problem = problem;
  }
}

/** A fresh key per action: a retried request of the same click is not carried out twice. */
function idempotencyKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return 'console-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function api(method, path, body) {
  const headers = { 'Authorization': 'Bearer ' + token(), 'Accept': 'application/json' };
  const init = { method, headers, credentials: 'omit', cache: 'no-store' };
  if (method === 'POST') {
    headers['Idempotency-Key'] = idempotencyKey();
    headers['Content-Type'] = 'application/json';
    init.body = body === undefined ? '' : JSON.stringify(body);
  }
  const response = await fetch(API + path, init);
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

function say(text, kind) {
  const message = $('#message');
  message.textContent = text;
  message.className = kind || '';
}

function failed(error) {
  if (error instanceof ApiError && error.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    show('sign-in');
    say('Your token was refused (expired or not valid here). Sign in again.', 'error');
    return;
  }
  say(error instanceof ApiError && error.status === 403
    ? 'Your role may not do that (' + error.message + ').' : 'Failed: ' + error.message, 'error');
}

// ---- formatting ----

/** Minor units to the major unit's text, without floating point: 2500 CNY -> "25.00 CNY". */
function money(minor, currency) {
  const negative = minor < 0;
  const digits = String(Math.abs(minor)).padStart(3, '0');
  return (negative ? '-' : '') + digits.slice(0, -2) + '.' + digits.slice(-2) + ' ' + currency;
}

function time(iso) {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z').replace('Z', '') : '';
}

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text === null || text === undefined ? '' : String(text);
  row.appendChild(td);
  return td;
}

/** A channel's failure text can be long: its start, the whole of it on hover. */
function failure(row, text) {
  const td = cell(row, text && text.length > 160 ? text.slice(0, 160) + '…' : text);
  td.className = 'failure';
  if (text) td.title = text;
}

function button(row, label, className, action) {
  const td = document.createElement('td');
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.className = className;
  b.addEventListener('click', async () => {
    b.disabled = true;
    try {
      await action();
    } catch (e) {
      failed(e);
    } finally {
      b.disabled = false;
    }
  });
  td.appendChild(b);
  row.appendChild(td);
  return b;
}

function orderLink(row, orderId) {
  const td = document.createElement('td');
  if (orderId) {
    const a = document.createElement('a');
    a.href = '#order/' + encodeURIComponent(orderId);
    a.textContent = orderId;
    a.className = 'order-link';
    td.appendChild(a);
  }
  row.appendChild(td);
}

function rows(table, items, fill) {
  const body = $(table + ' tbody');
  body.replaceChildren();
  for (const item of items) {
    const row = document.createElement('tr');
    fill(row, item);
    body.appendChild(row);
  }
}

// ---- views ----

const VIEWS = ['sign-in', 'find', 'order', 'refunds', 'dead-letters', 'reconciliation', 'charts', 'staff-actions'];

function show(view) {
  for (const v of VIEWS) $('#view-' + v).hidden = v !== view;
  $('#nav').hidden = view === 'sign-in';
}

async function route() {
  if (!token()) {
    show('sign-in');
    return;
  }
  const c = claims(token());
  $('#signed-in-as').textContent = 'Signed in as ' + (c.upn || c.sub || '?') + ' (' + (c.groups || []).join(', ') + ')';
  const hash = location.hash.replace(/^#/, '') || 'find';
  try {
    if (hash.startsWith('order/')) {
      show('order');
      await loadOrder(decodeURIComponent(hash.slice('order/'.length)));
    } else if (hash === 'refunds') {
      show('refunds');
      await loadFailedRefunds();
    } else if (hash === 'dead-letters') {
      show('dead-letters');
      await loadDeadLetters();
    } else if (hash === 'reconciliation' || hash.startsWith('reconciliation/')) {
      show('reconciliation');
      await openReconciliation(hash.split('/').slice(1).map(decodeURIComponent));
    } else if (hash === 'charts') {
      show('charts');
      await loadCharts();
    } else if (hash === 'staff-actions') {
      show('staff-actions');
      await loadStaffActions();
    } else {
      show('find');
    }
  } catch (e) {
    failed(e);
  }
}

async function signIn(event) {
  event.preventDefault();
  const pasted = $('#token').value.trim().replace(/^Bearer\s+/i, '');
  sessionStorage.setItem(TOKEN_KEY, pasted);
  try {
    await api('GET', '/admin/staff-actions?limit=1');
    $('#token').value = '';
    say('Signed in.', 'ok');
    if (location.hash === '' || location.hash === '#find') await route(); else location.hash = '#find';
  } catch (e) {
    sessionStorage.removeItem(TOKEN_KEY);
    say(e instanceof ApiError && e.status === 403 ? 'This token has neither the support nor the admin role.'
      : 'The token was refused: ' + e.message, 'error');
  }
}

async function find(event) {
  event.preventDefault();
  const number = $('#number').value.trim();
  try {
    const matches = await api('GET', '/admin/orders?number=' + encodeURIComponent(number));
    $('#matches').hidden = matches.length === 0;
    rows('#matches', matches, (row, m) => {
      orderLink(row, m.orderId);
      cell(row, m.merchantOrderNo);
      cell(row, m.clientId);
      cell(row, m.status);
      cell(row, money(m.amountMinor, m.currency));
      cell(row, time(m.createdAt));
      cell(row, m.matchedBy);
    });
    say(matches.length === 0 ? 'No order has the number ' + number + '.'
      : matches.length + (matches.length === 1 ? ' order' : ' orders') + ' found.', matches.length ? 'ok' : 'error');
  } catch (e) {
    failed(e);
  }
}

/** One sentence on why money moved: what was taken, what goes back, what the order keeps. */
function summary(order) {
  const captured = order.captures.reduce((sum, c) => sum + c.amountMinor, 0);
  const refunded = order.refunds.filter((r) => r.status === 'SUCCEEDED').reduce((sum, r) => sum + r.amountMinor, 0);
  const parts = [order.status + '.'];
  if (order.captures.length) {
    parts.push('Paid ' + order.captures.length + (order.captures.length === 1 ? ' time' : ' times') + ' ('
      + order.captures.map((c) => c.channel + ' ' + c.role).join(', ') + ').');
  } else {
    parts.push('Nothing paid.');
  }
  for (const r of order.refunds) parts.push('Refund ' + r.outRefundNo + ' (' + r.reason + ') ' + r.status + '.');
  parts.push('Keeps ' + money(captured - refunded, order.currency) + ' of ' + money(order.amount, order.currency) + '.');
  return parts.join(' ');
}

async function loadOrder(orderId) {
  const [order, timeline, activity] = await Promise.all([
    api('GET', '/orders/' + encodeURIComponent(orderId)),
    api('GET', '/orders/' + encodeURIComponent(orderId) + '/timeline'),
    api('GET', '/admin/orders/' + encodeURIComponent(orderId) + '/activity')]);
  $('#order-id').textContent = order.id;
  $('#order-summary').textContent = summary(order);
  const facts = $('#order-facts');
  facts.replaceChildren();
  for (const [k, v] of [['status', order.status], ['merchant order no', order.merchantOrderNo],
    ['amount', money(order.amount, order.currency)], ['subject', order.subject], ['created', time(order.createdAt)],
    ['expires', time(order.expiresAt)]]) {
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.textContent = v;
    if (k === 'status') dd.id = 'order-status';
    facts.append(dt, dd);
  }
  rows('#captures', order.captures, (row, c) => {
    row.dataset.role = c.role;
    cell(row, c.channel);
    cell(row, c.channelTransactionId);
    cell(row, c.role);
    cell(row, money(c.amountMinor, c.currency));
    cell(row, time(c.capturedAt));
  });
  rows('#refunds', order.refunds, (row, r) => {
    row.dataset.status = r.status;
    row.dataset.refundId = r.id;
    cell(row, r.outRefundNo);
    cell(row, r.reason);
    cell(row, r.status).className = 'refund-status';
    cell(row, money(r.amountMinor, r.currency));
    failure(row, r.failure);
    cell(row, time(r.updatedAt));
    if (r.status === 'FAILED') button(row, 'Retry refund', 'retry', () => retryRefund(r, () => loadOrder(orderId)));
    else cell(row, '');
  });
  rows('#webhooks', activity.webhooks, (row, w) => {
    row.dataset.status = w.status;
    cell(row, w.eventType);
    cell(row, w.clientId + ' ' + w.url);
    cell(row, w.status);
    cell(row, w.attempts);
    cell(row, time(w.createdAt));
    button(row, 'Resend', 'resend', async () => {
      await api('POST', '/webhooks/deliveries/' + encodeURIComponent(w.deliveryId) + '/resend');
      say('Webhook ' + w.eventType + ' sent again.', 'ok');
      await loadOrder(orderId);
    });
  });
  const events = [];
  for (const a of order.attempts) {
    events.push([a.createdAt, 'attempt', a.channel, 'payment attempt ' + a.outTradeNo + ' ' + a.status, a.channelError]);
  }
  for (const c of order.captures) {
    events.push([c.capturedAt, 'capture', c.channel, 'capture ' + c.role + ' ' + money(c.amountMinor, c.currency),
      'transaction ' + c.channelTransactionId]);
  }
  for (const r of order.refunds) {
    events.push([r.createdAt, 'refund', '', 'refund ' + r.outRefundNo + ' requested (' + r.reason + ') '
      + money(r.amountMinor, r.currency), 'now ' + r.status + (r.failure ? ': ' + r.failure : '')]);
  }
  for (const cb of activity.callbacks) {
    events.push([cb.receivedAt, 'callback', cb.channel, cb.eventType + ' received for ' + cb.outTradeNo,
      'transaction ' + cb.channelTransactionId + ', ' + money(cb.amountMinor, cb.currency)]);
  }
  for (const w of activity.webhooks) {
    events.push([w.createdAt, 'webhook', w.clientId, w.eventType + ' ' + w.status, w.attempts + ' attempt(s) to ' + w.url]);
  }
  for (const t of timeline) {
    events.push([t.at, 'audit', t.actor, t.action + ' ' + (t.statusBefore || '') + ' -> ' + t.statusAfter, t.detail]);
  }
  for (const s of activity.staffActions) events.push([s.at, 'staff', s.actor, s.action, s.detail]);
  events.sort((x, y) => (x[0] || '').localeCompare(y[0] || ''));
  rows('#timeline', events, (row, e) => {
    row.dataset.kind = e[1];
    cell(row, time(e[0]));
    for (const v of e.slice(1)) cell(row, v);
  });
}

async function retryRefund(refund, reload) {
  const retried = await api('POST', '/admin/refunds/' + encodeURIComponent(refund.id) + '/retry');
  say('Refund ' + retried.outRefundNo + ' sent again: ' + retried.status + '.', 'ok');
  await reload();
  // The channel answers in the background: look again for a while.
  for (let i = 0; i < 15 && location.hash.startsWith('#order/'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const current = await api('GET', '/orders/' + encodeURIComponent(refund.orderId) + '/refunds');
    const now = current.find((r) => r.id === refund.id);
    if (now && now.status !== 'REQUESTED' && now.status !== 'SUBMITTED') {
      await reload();
      say('Refund ' + now.outRefundNo + ' ' + now.status + '.', now.status === 'SUCCEEDED' ? 'ok' : 'error');
      return;
    }
  }
}

async function loadFailedRefunds() {
  const refunds = await api('GET', '/admin/refunds/failed');
  rows('#failed-refunds', refunds, (row, r) => {
    row.dataset.refundId = r.id;
    orderLink(row, r.orderId);
    cell(row, r.outRefundNo);
    cell(row, r.reason);
    cell(row, money(r.amountMinor, r.currency));
    failure(row, r.failure);
    cell(row, time(r.updatedAt));
    button(row, 'Retry refund', 'retry', async () => {
      const retried = await api('POST', '/admin/refunds/' + encodeURIComponent(r.id) + '/retry');
      say('Refund ' + retried.outRefundNo + ' sent again.', 'ok');
      await loadFailedRefunds();
    });
  });
  if (!refunds.length) say('No refund is FAILED.', 'ok');
}

async function loadDeadLetters() {
  const letters = await api('GET', '/admin/dead-letters');
  const admin = isAdmin();
  rows('#dead-letters', letters, (row, d) => {
    row.dataset.messageId = d.jmsMessageId;
    cell(row, time(d.deadLetteredAt));
    cell(row, d.origin);
    cell(row, d.type);
    orderLink(row, d.orderId);
    cell(row, d.sender);
    cell(row, d.reason).className = 'reason';
    cell(row, d.body).className = 'body';
    const td = document.createElement('td');
    if (admin) {
      for (const [label, cls, method, path] of [['Replay', 'replay', 'POST', '/replay'], ['Discard', 'discard', 'DELETE', '']]) {
        if (cls === 'replay' && !d.replayable) continue;
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = label;
        b.className = cls;
        b.addEventListener('click', async () => {
          b.disabled = true;
          try {
            await api(method, '/admin/dead-letters/' + encodeURIComponent(d.jmsMessageId) + path);
            say('Dead letter ' + d.jmsMessageId + (cls === 'replay' ? ' replayed to ' + d.origin : ' discarded') + '.', 'ok');
            await loadDeadLetters();
          } catch (e) {
            failed(e);
            b.disabled = false;
          }
        });
        td.appendChild(b);
      }
    }
    row.appendChild(td);
  });
  if (!letters.length) say('The dead-letter queue is empty.', 'ok');
}

async function loadStaffActions() {
  const actions = await api('GET', '/admin/staff-actions?limit=200');
  rows('#staff-actions', actions, (row, s) => {
    cell(row, time(s.at));
    cell(row, s.actor);
    cell(row, s.action);
    cell(row, s.subject);
    orderLink(row, s.orderId);
    cell(row, s.detail);
  });
}

// ---- reconciliation: one channel's statement for one Beijing day against the books ----

/** Today in Beijing, where the channels' statement days begin and end. */
function beijingToday() {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

function reconciliationPath(channel, date) {
  return '/admin/reconciliations/' + encodeURIComponent(channel) + '/' + encodeURIComponent(date);
}

/** From the address (#reconciliation/ALIPAY/2026-12-01): that report, if there is one; else the form. */
async function openReconciliation([channel, date]) {
  $('#reconciliation-channel').value = channel || $('#reconciliation-channel').value || 'WECHAT_PAY';
  $('#reconciliation-date').value = date || $('#reconciliation-date').value || beijingToday();
  $('#reconciliation-run').hidden = !isAdmin();
  if (!channel || !date) {
    renderReconciliation(null);
    return;
  }
  try {
    renderReconciliation(await api('GET', reconciliationPath(channel, date)));
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 404)) throw e;
    renderReconciliation(null);
    say('No reconciliation of ' + channel + ' for ' + date + ' yet.' + (isAdmin() ? ' Run it now.' : ''), 'error');
  }
}

function showReconciliation(event) {
  event.preventDefault();
  const hash = '#reconciliation/' + $('#reconciliation-channel').value + '/' + $('#reconciliation-date').value;
  if (location.hash === hash) route(); else location.hash = hash;
}

async function runReconciliation() {
  const channel = $('#reconciliation-channel').value;
  const date = $('#reconciliation-date').value;
  say('Fetching the ' + channel + ' statement for ' + date + ' and matching it…');
  let report;
  try {
    report = await api('POST', '/admin/reconciliations?channel=' + encodeURIComponent(channel)
      + '&date=' + encodeURIComponent(date));
  } catch (e) {
    // 502: the report says why the statement could not be had.
    if (e instanceof ApiError && e.status === 502 && e.problem && e.problem.status) report = e.problem; else throw e;
  }
  history.replaceState(null, '', '#reconciliation/' + channel + '/' + date);
  renderReconciliation(report);
  say('Reconciliation of ' + channel + ' for ' + date + ': ' + report.status + ', ' + unmatched(report)
    + ' unmatched line(s).', report.status === 'DONE' && unmatched(report) === 0 ? 'ok' : 'error');
}

function unmatched(report) {
  return report.channelOnly + report.ledgerOnly + report.amountMismatch + report.statusMismatch;
}

function amount(minor, currency) {
  return minor === null || minor === undefined ? '' : money(minor, currency);
}

function renderReconciliation(report) {
  const summary = $('#reconciliation-summary');
  $('#reconciliation-csv').hidden = !report;
  if (!report) {
    summary.textContent = '';
    delete summary.dataset.status;
    rows('#reconciliation-lines', [], () => {});
    return;
  }
  summary.dataset.status = report.status;
  summary.dataset.unmatched = unmatched(report);
  summary.textContent = report.channel + ', ' + report.date + ': ' + report.status + '. ' + report.statementLines
    + ' statement line(s); ' + report.matched + ' matched, ' + report.channelOnly + ' channel only, '
    + report.ledgerOnly + ' ledger only, ' + report.amountMismatch + ' amount mismatch, ' + report.statusMismatch
    + ' status mismatch. Run ' + time(report.startedAt) + (report.finishedAt ? ' to ' + time(report.finishedAt) : '')
    + ' UTC.' + (report.failure ? ' ' + report.failure : '');
  // What needs a person first.
  const lines = [...(report.lines || [])].sort((a, b) => (a.outcome === 'MATCHED') - (b.outcome === 'MATCHED'));
  rows('#reconciliation-lines', lines, (row, l) => {
    row.dataset.outcome = l.outcome;
    row.dataset.kind = l.kind;
    row.dataset.outTradeNo = l.outTradeNo || '';
    cell(row, l.outcome);
    cell(row, l.kind);
    cell(row, l.transactionId);
    cell(row, l.outTradeNo);
    cell(row, l.outRefundNo);
    cell(row, amount(l.channelAmount, l.currency));
    cell(row, amount(l.ledgerAmount, l.currency));
    failure(row, l.detail);
    cell(row, l.action);
  });
}

/** The report as CSV, fetched with the token (a plain link would carry none). */
async function downloadReconciliationCsv() {
  const channel = $('#reconciliation-channel').value;
  const date = $('#reconciliation-date').value;
  const response = await fetch(API + reconciliationPath(channel, date), { headers: { 'Authorization': 'Bearer ' + token(),
    'Accept': 'text/csv' }, credentials: 'omit', cache: 'no-store' });
  if (!response.ok) throw new ApiError(response.status, null);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = 'reconciliation-' + channel + '-' + date + '.csv';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

// ---- charts: plain SVG, drawn from the API's numbers ----

const SVG = 'http://www.w3.org/2000/svg';

function svg(parent, name, attributes, text) {
  const element = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) element.setAttribute(k, v);
  if (text !== undefined) element.textContent = text;
  parent.appendChild(element);
  return element;
}

/**
 * Grouped bars: one group per label, one bar per series. Heights are scaled to the largest value
 * (display only; the numbers are in each bar's title).
 */
function bars(target, labels, series, everyNthLabel) {
  const chart = $(target);
  chart.replaceChildren();
  const left = 40, bottom = 190, top = 20, width = 370;
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v || 0)));
  svg(chart, 'line', { x1: left, y1: bottom, x2: left + width, y2: bottom, stroke: '#999' });
  svg(chart, 'text', { x: 2, y: top + 4 }, String(max));
  svg(chart, 'text', { x: 2, y: bottom }, '0');
  const group = width / Math.max(1, labels.length);
  const bar = Math.max(1, (group - 2) / series.length);
  labels.forEach((label, i) => {
    series.forEach((s, j) => {
      const value = s.values[i] || 0;
      const h = (bottom - top) * value / max;
      const rect = svg(chart, 'rect', { x: left + i * group + j * bar + 1, y: bottom - h, width: bar, height: h,
        class: 'bar-' + s.name, 'data-series': s.name, 'data-label': label, 'data-value': value });
      svg(rect, 'title', {}, s.name + ' ' + label + ': ' + value);
    });
    if (i % (everyNthLabel || 1) === 0) svg(chart, 'text', { x: left + i * group + 1, y: bottom + 14 }, label);
  });
  series.forEach((s, j) => {
    svg(chart, 'rect', { x: left + j * 110, y: 2, width: 10, height: 10, class: 'bar-' + s.name });
    svg(chart, 'text', { x: left + j * 110 + 14, y: 11 }, s.name);
  });
}

async function loadCharts() {
  const [stats, letters] = await Promise.all([api('GET', '/admin/statistics?hours=24'), api('GET', '/admin/dead-letters')]);
  const needs = $('#needs-a-person');
  needs.replaceChildren();
  for (const [label, value, id] of [['Failed refunds', stats.failedRefunds, 'count-failed-refunds'],
    ['Dead letters', letters.length, 'count-dead-letters'], ['Dead webhooks', stats.deadWebhooks, 'count-dead-webhooks']]) {
    const span = document.createElement('span');
    span.id = id;
    span.textContent = label + ': ' + value;
    needs.appendChild(span);
  }
  const roles = Object.keys(stats.capturesByRole);
  bars('#chart-roles', ['last 24 h'], roles.map((r) => ({ name: r, values: [stats.capturesByRole[r]] })));
  const hours = stats.hours.map((h) => h.start.slice(11, 13) + 'h');
  bars('#chart-per-hour', hours, [{ name: 'DUPLICATE', values: stats.hours.map((h) => h.duplicate) },
    { name: 'LATE', values: stats.hours.map((h) => h.late) }], 4);
  bars('#chart-latency', hours, [{ name: 'p50', values: stats.hours.map((h) => h.latencyP50Ms) },
    { name: 'p99', values: stats.hours.map((h) => h.latencyP99Ms) }], 4);
  const channels = Object.keys(stats.openAttemptsByChannel);
  bars('#chart-open', ['now'], channels.map((c) => ({ name: c, values: [stats.openAttemptsByChannel[c]] })));
}

document.addEventListener('DOMContentLoaded', () => {
  $('#sign-in-form').addEventListener('submit', signIn);
  $('#find-form').addEventListener('submit', find);
  $('#reconciliation-form').addEventListener('submit', showReconciliation);
  for (const [id, action] of [['#reconciliation-run', runReconciliation], ['#reconciliation-csv', downloadReconciliationCsv]]) {
    $(id).addEventListener('click', async (event) => {
      event.target.disabled = true;
      try {
        await action();
      } catch (e) {
        failed(e);
      } finally {
        event.target.disabled = false;
      }
    });
  }
  $('#sign-out').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    say('Signed out.', 'ok');
    location.hash = '';
    route();
  });
  window.addEventListener('hashchange', () => {
    say('');
    route();
  });
  route();
});
