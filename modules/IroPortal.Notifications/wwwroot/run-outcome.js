// "Run now": asks how the run went until it is done, and says so in the page's live region.
(function () {
  var box = document.getElementById('run-outcome');
  if (!box || box.dataset.done === 'true') return;
  var status = box.querySelector('[data-outcome-status]');
  var detail = box.querySelector('[data-outcome-detail]');
  var tries = 0;
  function ask() {
    tries++;
    fetch(box.dataset.outcomeUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (outcome) {
        if (outcome) {
          if (status.textContent !== outcome.status) status.textContent = outcome.status;
          if (detail.textContent !== outcome.detail) detail.textContent = outcome.detail;
          if (outcome.done) { refreshRuns(); return; }
        }
        // Every second for a minute, then every five: a long job is still followed without hammering the server.
        setTimeout(ask, tries < 60 ? 1000 : 5000);
      })
      .catch(function () { setTimeout(ask, 5000); });
  }
  // The list of runs below was drawn before this run: draw it again from the page as it is now.
  function refreshRuns() {
    var runs = document.getElementById('job-runs');
    if (!runs) return;
    fetch(window.location.href, { credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        var fresh = html && new DOMParser().parseFromString(html, 'text/html').getElementById('job-runs');
        if (fresh) runs.replaceWith(fresh);
      })
      .catch(function () { /* the list stays as it was; a reload shows it */ });
  }
  setTimeout(ask, 500);
})();
