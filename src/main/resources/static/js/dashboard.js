/* jukiflow: the three charts of the managers' dashboard, from the JSON the page carries (no data from elsewhere). */
(function () {
  'use strict';
  var source = document.getElementById('dashboard-charts');
  if (!source || typeof Chart === 'undefined') {
    return;
  }
  var data = JSON.parse(source.textContent);
  Chart.defaults.font.family = '"Noto Sans CJK JP", "IPAGothic", "Hiragino Sans", "Yu Gothic", "Meiryo", sans-serif';
  Chart.defaults.animation = false;
  var integerAxis = { beginAtZero: true, ticks: { precision: 0 } };

  function bar(id, labels, datasets) {
    var canvas = document.getElementById(id);
    if (canvas) {
      new Chart(canvas, { type: 'bar', data: { labels: labels, datasets: datasets },
        options: { responsive: true, maintainAspectRatio: false, scales: { y: integerAxis } } });
    }
  }

  bar('chart-volume', data.days, [
    { label: '受付', data: data.startedPerDay, backgroundColor: '#0b5cad' },
    { label: '完了', data: data.completedPerDay, backgroundColor: '#1a7f37' }
  ]);
  bar('chart-cycle-time', Object.keys(data.cycleTimeDistribution), [
    { label: '件数', data: Object.values(data.cycleTimeDistribution), backgroundColor: '#8250df' }
  ]);
  bar('chart-backlog', Object.keys(data.backlogByAge), [
    { label: 'タスク数', data: Object.values(data.backlogByAge), backgroundColor: ['#1a7f37', '#9a6700', '#bc4c00', '#b3261e'] }
  ]);
  document.body.setAttribute('data-charts', 'drawn');
}());
