// The billing console: a page over the gateway's own API. The API key lives in sessionStorage and is sent as
// X-API-Key, never in a URL. No framework, no inline script (the page's Content-Security-Policy forbids it), and
// every text from the API is set as textContent, never as HTML.

const KEY_STORE = 'report-gateway-api-key';
const PAGE_SIZE = 50;
const TOP_CUSTOMERS = 10;
const STAGES = ['queued', 'creating', 'generating', 'downloading', 'parsing', 'done'];
const ACTIVE = new Set(STAGES.slice(0, 5));
const BIG_CHANGE = 0.5;
const SVG = 'http://www.w3.org/2000/svg';

const state = {
  key: null,
  writer: false,
  streams: new Set(),
  run: null,
  data: null,
  sort: { column: 'name', direction: 1 },
  filter: '',
  page: 0,
  selected: null,
  routeStarted: 0,
};

const $ = (selector) => document.querySelector(selector);

/** A refused API call: its HTTP status and problem body (RFC 9457), if it had one. */
class ApiError extends Error {
  constructor(status, problem) {
    super(problem && problem.detail ? problem.detail : `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function call(path, { method = 'GET', body, accept = 'application/json', signal } = {}) {
  const headers = { 'X-API-Key': state.key, Accept: accept };
  const init = { method, headers, signal, cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (failure) {
    if (failure.name === 'AbortError') {
      throw failure;
    }
    throw new ApiError(0, { detail: 'The gateway could not be reached. Is it running?' });
  }
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch (unreadable) {
      problem = null;
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

async function getJson(path, options) {
  const response = await call(path, options);
  return response.status === 204 ? null : response.json();
}

/** A failure in plain words: the problem's detail and each field error. */
function explain(error) {
  if (!(error instanceof ApiError)) {
    return `Something went wrong in the page: ${error.message}`;
  }
  const problem = error.problem || {};
  let text = problem.detail || `The gateway answered HTTP ${error.status}.`;
  if (Array.isArray(problem.errors) && problem.errors.length) {
    text += ' ' + problem.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  }
  return text;
}

function showError(element, error) {
  element.textContent = typeof error === 'string' ? error : explain(error);
  element.hidden = false;
}

function clearError(element) {
  element.textContent = '';
  element.hidden = true;
}

function element(tag, text, className) {
  const made = document.createElement(tag);
  if (text !== undefined && text !== null) {
    made.textContent = text;
  }
  if (className) {
    made.className = className;
  }
  return made;
}

function bytes(count) {
  if (count < 1024) return `${count} B`;
  if (count < 1024 * 1024) return `${(count / 1024).toFixed(1)} KiB`;
  return `${(count / 1024 / 1024).toFixed(1)} MiB`;
}

function when(instant) {
  return instant ? new Date(instant).toLocaleString() : '';
}

function month(run) {
  const { start, end } = run.period;
  const whole = start.endsWith('-01') && end.slice(0, 7) === start.slice(0, 7);
  return whole ? start.slice(0, 7) : `${start} – ${end}`;
}

// ---- signing in -------------------------------------------------------------------------------------------

async function signIn(key, quiet) {
  state.key = key;
  let caller;
  try {
    caller = await getJson('/billing/caller');
  } catch (error) {
    state.key = null;
    sessionStorage.removeItem(KEY_STORE);
    if (!quiet) {
      const message = error.status === 401 ? 'That key was not accepted: check it and try again.'
        : error.status === 403 ? 'That key has neither the reports-reader nor the reports-writer role.'
          : explain(error);
      showError($('#signin-error'), message);
    }
    showSignIn();
    return;
  }
  sessionStorage.setItem(KEY_STORE, key);
  state.writer = caller.roles.includes('reports-writer');
  $('#who').textContent = `${caller.name}: ${state.writer ? 'reader and writer' : 'reader'}`
    + (caller.tenants ? `, ${caller.tenants.length} tenant(s)` : '');
  clearError($('#signin-error'));
  $('#signin').hidden = true;
  $('#api-key').value = '';
  $('#app').hidden = false;
  $('#session').hidden = false;
  const slot = $('#start-slot');
  slot.replaceChildren();
  if (state.writer) {
    slot.append($('#start-template').content.cloneNode(true));
    setUpStartForm();
  }
  route();
}

function showSignIn() {
  stopStreams();
  $('#app').hidden = true;
  $('#session').hidden = true;
  $('#signin').hidden = false;
  $('#api-key').focus();
}

function signOut() {
  sessionStorage.removeItem(KEY_STORE);
  state.key = null;
  state.writer = false;
  $('#start-slot').replaceChildren();
  history.replaceState(null, '', '#/runs');
  showSignIn();
}

// ---- following a run (server-sent events over fetch: EventSource cannot send the key header) ------------------

function follow(runId, onRun) {
  const controller = new AbortController();
  state.streams.add(controller);
  (async () => {
    while (!controller.signal.aborted) {
      let ended = false;
      try {
        const response = await call(`/billing/runs/${runId}/events`, { accept: 'text/event-stream', signal: controller.signal });
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, '\n');
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const event = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = event.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5)).join('\n');
            if (data) {
              const run = JSON.parse(data);
              onRun(run);
              ended = !ACTIVE.has(run.status);
            }
          }
        }
      } catch (failure) {
        if (failure.name === 'AbortError') break;
      }
      if (ended || controller.signal.aborted) break;
      await new Promise((resume) => setTimeout(resume, 2000));
    }
    state.streams.delete(controller);
  })();
}

function stopStreams() {
  state.streams.forEach((controller) => controller.abort());
  state.streams.clear();
}

// ---- the runs list ----------------------------------------------------------------------------------------

function setUpStartForm() {
  const now = new Date();
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  $('#start-month').value = last.toISOString().slice(0, 7);
  $('#start-run').addEventListener('submit', async (event) => {
    event.preventDefault();
    clearError($('#runs-error'));
    const body = { month: $('#start-month').value };
    const tenant = $('#start-tenant').value.trim();
    if (tenant) body.tenant_id = tenant;
    $('#start-button').disabled = true;
    try {
      const run = await getJson('/billing/runs', { method: 'POST', body });
      upsertRunRow(run, true);
      if (ACTIVE.has(run.status)) follow(run.id, (changed) => upsertRunRow(changed));
    } catch (error) {
      showError($('#runs-error'), error);
    } finally {
      $('#start-button').disabled = false;
    }
  });
}

async function showRuns() {
  stopStreams();
  $('#run-view').hidden = true;
  $('#runs-view').hidden = false;
  document.title = 'Billing runs — Acronis Report Gateway';
  clearError($('#runs-error'));
  let page;
  try {
    page = await getJson('/billing/runs?limit=200');
  } catch (error) {
    showError($('#runs-error'), error);
    return;
  }
  $('#runs-table tbody').replaceChildren();
  page.items.forEach((run) => upsertRunRow(run));
  $('#runs-empty').hidden = page.items.length > 0;
  page.items.filter((run) => ACTIVE.has(run.status)).forEach((run) => follow(run.id, (changed) => upsertRunRow(changed)));
}

function failureText(run) {
  const failure = run.failure;
  if (!failure) return null;
  const detail = failure.problem && failure.problem.detail ? failure.problem.detail : 'no reason was recorded';
  return `Failed while ${failure.stage}: ${detail} `
    + (failure.retryable ? 'Starting a new run may succeed.' : 'A new run will fail the same way until this is fixed.');
}

function progressText(run) {
  const p = run.progress || {};
  if (run.status === 'done') return `${p.rows_parsed ?? 0} rows`;
  if (run.status === 'generating') return `waiting for the platform (${p.polls ?? 0} looks)`;
  if (run.status === 'downloading') return bytes(p.bytes_downloaded ?? 0);
  if (run.status === 'parsing') return `${p.rows_parsed ?? 0} rows`;
  return '';
}

function upsertRunRow(run, first) {
  const body = $('#runs-table tbody');
  const row = document.createElement('tr');
  row.dataset.runId = run.id;

  const period = document.createElement('td');
  const open = element('a', month(run), 'open-run');
  open.href = `#/runs/${run.id}`;
  period.append(open);

  const tenant = element('td', run.tenant_id.slice(0, 8) + '…');
  tenant.title = run.tenant_id;

  const status = element('td', null, `status status-${run.status}`);
  status.append(element('span', run.status));
  const failure = failureText(run);
  if (failure) status.append(element('span', failure, 'failure'));

  const progress = document.createElement('td');
  if (ACTIVE.has(run.status)) {
    const bar = element('progress', null, 'run-progress');
    bar.max = STAGES.length - 1;
    bar.value = STAGES.indexOf(run.status);
    bar.setAttribute('aria-label', `Run ${month(run)}: ${run.status}`);
    progress.append(bar, ' ');
  }
  progress.append(progressText(run));

  const started = element('td', when(run.created_at));
  const actions = document.createElement('td');
  if (state.writer) {
    if (ACTIVE.has(run.status)) {
      if (!run.cancel_requested) {
        const cancel = element('button', 'Cancel', 'cancel-run danger');
        cancel.type = 'button';
        cancel.addEventListener('click', () => removeRun(run, cancel));
        actions.append(cancel);
      } else {
        actions.append('cancelling…');
      }
    } else {
      const remove = element('button', 'Delete', 'delete-run danger');
      remove.type = 'button';
      remove.setAttribute('aria-label', `Delete the run of ${month(run)} and its usage rows`);
      remove.addEventListener('click', () => removeRun(run, remove));
      actions.append(remove);
    }
  }
  row.append(period, tenant, status, progress, started, actions);

  const existing = body.querySelector(`tr[data-run-id="${CSS.escape(run.id)}"]`);
  if (existing) {
    existing.replaceWith(row);
  } else if (first) {
    body.prepend(row);
  } else {
    body.append(row);
  }
  $('#runs-empty').hidden = true;
}

async function removeRun(run, button) {
  clearError($('#runs-error'));
  if (!ACTIVE.has(run.status) && button.dataset.confirm !== 'yes') {
    button.dataset.confirm = 'yes';
    button.textContent = 'Confirm delete';
    setTimeout(() => {
      button.dataset.confirm = '';
      button.textContent = 'Delete';
    }, 5000);
    return;
  }
  button.disabled = true;
  try {
    const response = await call(`/billing/runs/${run.id}`, { method: 'DELETE' });
    if (response.status === 204) {
      const row = $(`#runs-table tr[data-run-id="${CSS.escape(run.id)}"]`);
      if (row) row.remove();
    } else {
      upsertRunRow(await response.json());
    }
  } catch (error) {
    showError($('#runs-error'), error);
    button.disabled = false;
  }
}

// ---- one run ------------------------------------------------------------------------------------------------

async function showRun(runId) {
  stopStreams();
  state.routeStarted = performance.now();
  state.data = null;
  state.selected = null;
  $('#runs-view').hidden = true;
  $('#run-view').hidden = false;
  $('#run-data').hidden = true;
  $('#history').hidden = true;
  $('#customers-table').dataset.loaded = 'false';
  clearError($('#run-error'));
  $('#download-message').textContent = '';
  let run;
  try {
    run = await getJson(`/billing/runs/${encodeURIComponent(runId)}`);
  } catch (error) {
    $('#run-title').textContent = 'Billing run';
    $('#run-status').textContent = '';
    showError($('#run-error'), error);
    return;
  }
  renderRunHeader(run);
  if (run.status === 'done') {
    await loadRunData(run);
  } else if (ACTIVE.has(run.status)) {
    follow(run.id, (changed) => {
      renderRunHeader(changed);
      if (changed.status === 'done') loadRunData(changed);
    });
  }
}

function renderRunHeader(run) {
  state.run = run;
  document.title = `Run ${month(run)} — Acronis Report Gateway`;
  $('#run-title').textContent = `Billing run ${month(run)}`;
  const status = $('#run-status');
  status.textContent = run.status;
  status.className = `status-${run.status}`;
  $('#run-detail').textContent = `tenant ${run.tenant_id}, level ${run.level}` + (progressText(run) ? `, ${progressText(run)}` : '');
  const bar = $('#run-progress');
  bar.hidden = !ACTIVE.has(run.status);
  bar.value = STAGES.indexOf(run.status);
  const failure = failureText(run);
  if (failure) showError($('#run-error'), failure);
}

async function loadRunData(run) {
  let data;
  let lists;
  try {
    [data, lists] = await Promise.all([
      getJson(`/billing/runs/${run.id}/customers`),
      getJson('/billing/price-lists').catch(() => ({ items: [] })),
    ]);
  } catch (error) {
    showError($('#run-error'), error);
    return;
  }
  state.data = data;
  state.page = 0;
  state.filter = '';
  state.sort = { column: 'name', direction: 1 };
  $('#customer-filter').value = '';
  $('#run-data').hidden = false;
  renderItemTotals();
  renderChartChoices();
  renderChart();
  renderTableHead();
  renderTable();
  renderPriceLists(lists.items);
  $('#customers-table').dataset.loaded = 'true';
  document.body.dataset.runLoadedMs = String(Math.round(performance.now() - state.routeStarted));
}

function renderItemTotals() {
  const body = $('#item-totals tbody');
  body.replaceChildren(...state.data.items.map((item) => {
    const row = document.createElement('tr');
    row.append(element('td', item.offering_item), element('td', item.quantity, 'num'), element('td', item.unit || ''),
      element('td', String(item.customers), 'num'));
    return row;
  }));
}

function renderChartChoices() {
  const select = $('#chart-item');
  const items = state.data.items;
  select.replaceChildren(...items.map((item) => {
    const option = element('option', `${item.offering_item}${item.unit ? ` (${item.unit})` : ''}`);
    option.value = item.offering_item;
    return option;
  }));
  const busiest = items.slice().sort((a, b) => b.customers - a.customers)[0];
  if (busiest) select.value = busiest.offering_item;
}

function renderChart() {
  const figure = $('#chart');
  const itemName = $('#chart-item').value;
  const item = state.data.items.find((candidate) => candidate.offering_item === itemName);
  const top = state.data.customers
    .map((customer) => ({ customer, value: Number(customer.quantities[itemName] || 0), text: customer.quantities[itemName] || '0' }))
    .filter((entry) => entry.value > 0)
    .sort((a, b) => b.value - a.value)
    .slice(0, TOP_CUSTOMERS);
  figure.replaceChildren();
  const caption = $('#chart-caption');
  if (!item || top.length === 0) {
    caption.textContent = 'No customer used this item in this run.';
    return;
  }
  const width = 800;
  const label = 230;
  const barHeight = 22;
  const gap = 6;
  const height = top.length * (barHeight + gap) + gap;
  const max = top[0].value;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `Top ${top.length} customers by ${item.offering_item}`);
  top.forEach((entry, index) => {
    const y = gap + index * (barHeight + gap);
    const name = document.createElementNS(SVG, 'text');
    name.setAttribute('x', String(label - 8));
    name.setAttribute('y', String(y + barHeight * 0.7));
    name.setAttribute('text-anchor', 'end');
    const shown = entry.customer.name.length > 32 ? entry.customer.name.slice(0, 31) + '…' : entry.customer.name;
    name.textContent = shown;
    const rect = document.createElementNS(SVG, 'rect');
    const length = Math.max(1, Math.round((width - label - 110) * entry.value / max));
    rect.setAttribute('x', String(label));
    rect.setAttribute('y', String(y));
    rect.setAttribute('width', String(length));
    rect.setAttribute('height', String(barHeight));
    rect.setAttribute('class', 'bar-rect');
    const title = document.createElementNS(SVG, 'title');
    title.textContent = `${entry.customer.name}: ${entry.text} ${item.unit || ''}`;
    rect.append(title);
    const value = document.createElementNS(SVG, 'text');
    value.setAttribute('x', String(label + length + 6));
    value.setAttribute('y', String(y + barHeight * 0.7));
    value.textContent = `${entry.text} ${item.unit || ''}`;
    svg.append(name, rect, value);
  });
  figure.append(svg);
  caption.textContent = `The ${top.length} customers with the largest billable quantity of ${item.offering_item}, `
    + `of ${item.customers} that used it.`;
}

function renderTableHead() {
  const row = document.createElement('tr');
  const columns = [{ key: 'name', label: 'Customer' }, ...state.data.items.map((item) => ({
    key: item.offering_item, label: `${item.offering_item}${item.unit ? ` (${item.unit})` : ''}`, numeric: true,
  }))];
  columns.forEach((column) => {
    const th = document.createElement('th');
    th.scope = 'col';
    if (column.numeric) th.className = 'num';
    const button = element('button', column.label);
    button.type = 'button';
    button.dataset.sort = column.key;
    button.addEventListener('click', () => {
      state.sort = state.sort.column === column.key
        ? { column: column.key, direction: -state.sort.direction }
        : { column: column.key, direction: column.numeric ? -1 : 1 };
      state.page = 0;
      renderTable();
    });
    th.append(button);
    row.append(th);
  });
  $('#customers-table thead').replaceChildren(row);
}

function visibleCustomers() {
  const needle = state.filter.trim().toLowerCase();
  const matching = needle
    ? state.data.customers.filter((c) => c.name.toLowerCase().includes(needle) || c.tenant_id.includes(needle))
    : state.data.customers.slice();
  const { column, direction } = state.sort;
  matching.sort((a, b) => {
    const order = column === 'name'
      ? a.name.localeCompare(b.name)
      : Number(a.quantities[column] || 0) - Number(b.quantities[column] || 0);
    return order * direction || a.name.localeCompare(b.name);
  });
  return matching;
}

function renderTable() {
  const customers = visibleCustomers();
  const pages = Math.max(1, Math.ceil(customers.length / PAGE_SIZE));
  state.page = Math.min(state.page, pages - 1);
  const from = state.page * PAGE_SIZE;
  const shown = customers.slice(from, from + PAGE_SIZE);
  const items = state.data.items.map((item) => item.offering_item);
  $('#customers-table tbody').replaceChildren(...shown.map((customer) => {
    const row = document.createElement('tr');
    row.tabIndex = 0;
    row.dataset.tenantId = customer.tenant_id;
    if (state.selected === customer.tenant_id) row.className = 'selected';
    const name = element('td', customer.name);
    name.title = customer.tenant_id;
    row.append(name, ...items.map((item) => element('td', customer.quantities[item] ?? '—', 'num')));
    row.addEventListener('click', () => showHistory(customer));
    row.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        showHistory(customer);
      }
    });
    return row;
  }));
  document.querySelectorAll('#customers-table thead th').forEach((th) => {
    const key = th.querySelector('button').dataset.sort;
    if (key === state.sort.column) {
      th.setAttribute('aria-sort', state.sort.direction > 0 ? 'ascending' : 'descending');
    } else {
      th.removeAttribute('aria-sort');
    }
  });
  const total = state.data.customers.length;
  const range = customers.length ? `${from + 1}–${from + shown.length}` : '0';
  $('#page-info').textContent = `${range} of ${customers.length} customers`
    + (customers.length !== total ? ` (filtered from ${total})` : '');
  $('#page-prev').disabled = state.page === 0;
  $('#page-next').disabled = state.page >= pages - 1;
}

function renderPriceLists(lists) {
  const select = $('#price-list');
  const none = element('option', lists.length ? '(choose a price list)' : '(no price list yet)');
  none.value = '';
  select.replaceChildren(none, ...lists.map((list) => {
    const option = element('option', `${list.name} (version ${list.latest_version})`);
    option.value = list.name;
    return option;
  }));
  $('#download-invoice').disabled = true;
}

// ---- month over month ---------------------------------------------------------------------------------------

async function showHistory(customer) {
  state.selected = customer.tenant_id;
  document.querySelectorAll('#customers-table tbody tr').forEach((row) => {
    row.classList.toggle('selected', row.dataset.tenantId === customer.tenant_id);
  });
  const run = state.run;
  const panel = $('#history');
  panel.hidden = false;
  $('#history-heading').textContent = `Month over month: ${customer.name}`;
  const note = $('#history-note');
  note.textContent = 'Loading earlier runs…';
  let earlier;
  let quantities;
  try {
    const page = await getJson(`/billing/runs?tenant_id=${encodeURIComponent(run.tenant_id)}&status=done&limit=500`);
    earlier = page.items
      .filter((other) => other.id !== run.id && other.level === run.level && other.period.start < run.period.start)
      .sort((a, b) => b.period.start.localeCompare(a.period.start))
      .slice(0, 5)
      .reverse();
    const runs = [...earlier, run];
    const answers = await Promise.all(runs.map((other) =>
      getJson(`/billing/runs/${other.id}/customers?tenant_id=${encodeURIComponent(customer.tenant_id)}`)));
    quantities = runs.map((other, index) => ({ run: other, values: (answers[index].customers[0] || { quantities: {} }).quantities }));
  } catch (error) {
    note.textContent = explain(error);
    return;
  }
  if (state.selected !== customer.tenant_id) return;
  note.textContent = earlier.length
    ? `Billable quantity per month; a change of ${BIG_CHANGE * 100}% or more from the month before is marked.`
    : 'No earlier done runs of this tenant and level to compare with: start the earlier months\' runs to see them here.';
  const items = [...new Set(quantities.flatMap((entry) => Object.keys(entry.values)))].sort();
  const head = document.createElement('tr');
  head.append(element('th', 'Offering item'), ...quantities.map((entry) => {
    const th = element('th', month(entry.run), 'num');
    th.scope = 'col';
    return th;
  }));
  $('#history-table thead').replaceChildren(head);
  $('#history-table tbody').replaceChildren(...items.map((item) => {
    const row = document.createElement('tr');
    row.append(element('th', item));
    quantities.forEach((entry, index) => {
      const text = entry.values[item] ?? '0';
      const cell = element('td', text, 'num');
      if (index > 0) {
        const before = Number(quantities[index - 1].values[item] || 0);
        const now = Number(text);
        const change = before === 0 ? (now === 0 ? 0 : Infinity) : (now - before) / before;
        if (Math.abs(change) >= BIG_CHANGE) {
          cell.classList.add('big-change');
          const label = change === Infinity ? ' ▲ new' : ` ${change > 0 ? '▲ +' : '▼ '}${Math.round(change * 100)}%`;
          cell.append(element('span', label));
        }
      }
      row.append(cell);
    });
    return row;
  }));
}

// ---- downloads ----------------------------------------------------------------------------------------------

function save(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

function fileName(response, fallback) {
  const disposition = response.headers.get('Content-Disposition') || '';
  const match = /filename="([^"]+)"/.exec(disposition);
  return match ? match[1] : fallback;
}

async function downloadUsage() {
  const message = $('#download-message');
  message.textContent = 'Preparing the usage CSV…';
  try {
    const response = await call(`/billing/runs/${state.run.id}/usage`, { accept: 'text/csv' });
    save(await response.blob(), `usage-${state.run.id}.csv`);
    message.textContent = 'Usage CSV downloaded.';
  } catch (error) {
    message.textContent = explain(error);
  }
}

async function downloadInvoice(allowUnpriced) {
  const message = $('#download-message');
  const list = $('#price-list').value;
  message.replaceChildren('Preparing the invoice CSV…');
  const query = `price_list=${encodeURIComponent(list)}${allowUnpriced ? '&allow_unpriced=true' : ''}`;
  try {
    const response = await call(`/billing/runs/${state.run.id}/invoice?${query}`, { accept: 'text/csv' });
    save(await response.blob(), fileName(response, `invoice-${state.run.id}.csv`));
    message.replaceChildren('Invoice CSV downloaded.');
  } catch (error) {
    const unpriced = error.problem && /invoice-unpriced$/.test(error.problem.type || '');
    message.replaceChildren(explain(error));
    if (unpriced) {
      const anyway = element('button', 'Download without the unpriced items', 'secondary');
      anyway.type = 'button';
      anyway.addEventListener('click', () => downloadInvoice(true));
      message.append(' ', anyway);
    }
  }
}

// ---- routing and start ----------------------------------------------------------------------------------------

function route() {
  if (!state.key) return;
  const match = /^#\/runs\/([0-9A-Fa-f-]{36})$/.exec(location.hash);
  if (match) {
    showRun(match[1]);
  } else {
    showRuns();
  }
}

function start() {
  $('#signin').addEventListener('submit', (event) => {
    event.preventDefault();
    const key = $('#api-key').value.trim();
    if (key) signIn(key, false);
  });
  $('#signout').addEventListener('click', signOut);
  $('#customer-filter').addEventListener('input', (event) => {
    state.filter = event.target.value;
    state.page = 0;
    renderTable();
  });
  $('#page-prev').addEventListener('click', () => {
    state.page -= 1;
    renderTable();
  });
  $('#page-next').addEventListener('click', () => {
    state.page += 1;
    renderTable();
  });
  $('#chart-item').addEventListener('change', renderChart);
  $('#download-usage').addEventListener('click', downloadUsage);
  $('#price-list').addEventListener('change', (event) => {
    $('#download-invoice').disabled = !event.target.value;
  });
  $('#download-invoice').addEventListener('click', () => downloadInvoice(false));
  window.addEventListener('hashchange', route);
  const saved = sessionStorage.getItem(KEY_STORE);
  if (saved) {
    signIn(saved, true);
  } else {
    showSignIn();
  }
}

start();
