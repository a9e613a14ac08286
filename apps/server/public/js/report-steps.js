// Progressive enhancement of the report's steps (the pages work without it).
(function () {
  // The error summary takes the focus, so the problems are read out first (the autofocus
  // attribute does the same where the browser honours it on a non-field).
  var summary = document.querySelector('[data-error-summary]');
  if (summary && document.activeElement !== summary) summary.focus();

  // A link of the summary moves the focus to its question and shows the question's label
  // or legend above it, not the bare field at the top of a small screen.
  if (summary) {
    summary.addEventListener('click', function (event) {
      var link = event.target.closest('a[href^="#f-"]');
      if (!link) return;
      var field = document.getElementById(link.getAttribute('href').slice(1));
      if (!field) return;
      event.preventDefault();
      var group = field.closest('fieldset') || field;
      var label = document.querySelector('label[for="' + field.id + '"]');
      (label || group).scrollIntoView();
      field.focus({ preventScroll: true });
    });
  }

  // "Continue" and "Send" once: a second press while the page loads would send it again
  // (harmless: the report is filed once, but the answer would say "already received").
  var form = document.querySelector('form.report-step');
  if (form) {
    window.addEventListener('pageshow', function () {
      form.querySelectorAll('button[type=submit]').forEach(function (button) {
        button.disabled = false;
      });
    });
    form.addEventListener('submit', function () {
      setTimeout(function () {
        form.querySelectorAll('button[type=submit]').forEach(function (button) {
          button.disabled = true;
        });
      }, 0);
    });
  }
})();
