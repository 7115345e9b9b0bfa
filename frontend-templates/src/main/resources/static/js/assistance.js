// Suggestions under a new ticket's summary, as one types: fetched from /assistance/suggestions and put in the
// polite live region #suggestions (screen readers hear how many answers there are). Without this script, the
// "Chercher des réponses" button does the same by posting the form.
(function () {
  var resume = document.getElementById('resume');
  var zone = document.getElementById('suggestions');
  if (!resume || !zone || !window.fetch) {
    return;
  }
  // DSFR buttons set their own display: hide the no-script button through its style
  document.querySelectorAll('.sne-sans-script').forEach(function (b) { b.style.display = 'none'; });
  var minuteur = null;
  var derniere = '';
  function chercher() {
    var q = resume.value.trim();
    if (q === derniere) {
      return;
    }
    derniere = q;
    if (q.length < 4) {
      zone.innerHTML = '';
      return;
    }
    var url = '/assistance/suggestions?q=' + encodeURIComponent(q) + '&type=' + encodeURIComponent(zone.dataset.type || '');
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (r) { return r.ok ? r.text() : ''; })
      .then(function (html) {
        if (q === derniere) {
          zone.innerHTML = html;
        }
      })
      .catch(function () { /* suggestions are a help: a failure leaves the form as it is */ });
  }
  resume.addEventListener('input', function () {
    clearTimeout(minuteur);
    minuteur = setTimeout(chercher, 400);
  });
})();
