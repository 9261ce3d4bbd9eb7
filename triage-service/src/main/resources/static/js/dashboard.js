// Draws the dashboard's charts from the figures the page carries in data-chart. The tables under
// the charts hold the same figures, so the page says everything without JavaScript too.
(function () {
  'use strict';
  var root = document.getElementById('dashboard');
  if (!root || !window.echarts) {
    return;
  }
  var data = JSON.parse(root.dataset.chart || '{}');
  var labels = data.labels || {};
  var charts = [];

  function draw(id, option) {
    var element = document.getElementById(id);
    if (!element) {
      return;
    }
    var chart = window.echarts.init(element, null, { renderer: 'canvas' });
    // Figures, not a show: drawn at once, so what a supervisor (or a screenshot) sees is complete.
    option.animation = false;
    chart.setOption(option);
    charts.push(chart);
  }

  function bars(categories, series, horizontal) {
    var category = { type: 'category', data: categories, axisLabel: { interval: 0, width: 140, overflow: 'truncate' } };
    var value = { type: 'value', minInterval: 1 };
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: horizontal ? 150 : 40, right: 20, top: 30, bottom: horizontal ? 20 : 60, containLabel: false },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: series.map(function (s) { return { type: 'bar', name: s.name, data: s.data }; })
    };
  }

  draw('chart-days', {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 20, top: 30, bottom: 40 },
    xAxis: { type: 'category', data: data.days },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'line', name: labels.reports, data: data.reports },
      { type: 'line', name: labels.cases, data: data.cases },
      { type: 'bar', name: labels.decisions, data: data.decisions }
    ]
  });
  draw('chart-categories', bars(data.categories, [
    { name: labels.reports, data: data.categoryReports },
    { name: labels.decisions, data: data.categoryDecisions }
  ], true));
  draw('chart-localities', bars(data.localities, [{ name: labels.reports, data: data.localityReports }], true));
  draw('chart-statuses', {
    tooltip: { trigger: 'item' },
    legend: { top: 0 },
    series: [{ type: 'pie', radius: ['35%', '65%'], top: 30, label: { formatter: '{b}: {c}' },
      data: (data.statuses || []).filter(function (s) { return s.value > 0; }) }]
  });
  var agencies = bars(data.agencies, [
    { name: labels.ackMedian, data: data.ackMedian },
    { name: labels.ackP90, data: data.ackP90 },
    { name: labels.resolveMedian, data: data.resolveMedian },
    { name: labels.resolveP90, data: data.resolveP90 }
  ], true);
  agencies.xAxis = { type: 'value', name: labels.hours };
  draw('chart-agencies', agencies);

  window.addEventListener('resize', function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
}());
