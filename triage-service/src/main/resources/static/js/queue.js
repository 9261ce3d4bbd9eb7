// Keeps the server-rendered queue current from /api/v1/cases/stream. Text only, never HTML.
(function () {
  'use strict';
  var table = document.getElementById('queue');
  if (!table || !window.EventSource) {
    return;
  }
  var body = table.tBodies[0];
  var labels = JSON.parse(table.dataset.labels || '{}');
  var open = { NEW: true, IN_REVIEW: true };
  var format = new Intl.DateTimeFormat('en-GB', { timeZone: table.dataset.zone, day: '2-digit', month: '2-digit',
    year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

  function time(iso) {
    return iso ? format.format(new Date(iso)).replace(',', '') : '';
  }

  function rowOf(id) {
    for (var i = 0; i < body.rows.length; i++) {
      if (body.rows[i].dataset.id === id) {
        return body.rows[i];
      }
    }
    return null;
  }

  function fill(row, item) {
    while (row.cells.length < 7) {
      row.insertCell();
    }
    row.dataset.id = item.id;
    row.dataset.priority = item.priority;
    row.dataset.first = item.firstReportedAt;
    row.cells[0].className = 'num';
    row.cells[0].textContent = item.priority;
    var link = document.createElement('a');
    link.href = table.dataset.caseBase + encodeURIComponent(item.id) + (table.dataset.suffix || '');
    link.textContent = item.summary;
    row.cells[1].replaceChildren(link);
    row.cells[2].textContent = labels[item.status] || item.status;
    row.cells[3].className = 'num';
    row.cells[3].textContent = item.reportCount;
    row.cells[4].textContent = time(item.firstReportedAt);
    row.cells[5].textContent = time(item.dueAt);
    row.cells[5].className = item.overdue || (item.dueAt && new Date(item.dueAt) < new Date()) ? 'overdue' : '';
    row.cells[6].textContent = item.claimedBy || '';
  }

  function urgentFirst(a, b) {
    var byPriority = Number(b.dataset.priority) - Number(a.dataset.priority);
    if (byPriority !== 0) {
      return byPriority;
    }
    return new Date(a.dataset.first) - new Date(b.dataset.first);
  }

  // The page's filters, applied to live changes as the server applied them to the first listing.
  function matches(item) {
    var d = table.dataset;
    var category = item.category || item.categoryHint;
    return (!d.category || d.category === category)
      && (!d.locality || d.locality === item.localityCode)
      && (!d.overdue || String(Boolean(item.overdue)) === d.overdue);
  }

  function show(item) {
    var row = rowOf(item.id);
    if (!open[item.status] || !matches(item)) {
      if (row) {
        row.remove();
      }
    }
    else {
      fill(row || body.insertRow(), item);
      Array.prototype.slice.call(body.rows).sort(urgentFirst).forEach(function (r) { body.appendChild(r); });
    }
    document.getElementById('queue-empty').hidden = body.rows.length > 0;
  }

  // Connected once the page has loaded: a stream opened during the load keeps the page loading.
  function connect() {
    var live = document.getElementById('live');
    var source = new EventSource(table.dataset.stream);
    source.addEventListener('case', function (event) { show(JSON.parse(event.data)); });
    source.onopen = function () { live.hidden = false; };
    source.onerror = function () { live.hidden = true; };
  }

  if (document.readyState === 'complete') {
    connect();
  }
  else {
    window.addEventListener('load', connect);
  }
}());
