// "Leave this site quickly". Without JavaScript it is a plain link to a neutral site. With it,
// the page is replaced in the history (Back does not bring it up again on a shared phone), it is
// hidden at once while the other site loads, and pressing Shift three times leaves too.
(function () {
  var link = document.querySelector('[data-quick-exit]');
  if (!link) return;
  var hint = document.querySelector('[data-quick-exit-hint]');
  if (hint) hint.hidden = false;

  function leave(event) {
    if (event) event.preventDefault();
    document.body.hidden = true;
    window.location.replace(link.href);
  }
  link.addEventListener('click', leave);

  // Three presses of Shift alone, each within two seconds of the last; any other key resets.
  var presses = 0;
  var timer = null;
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Shift') {
      presses = 0;
      return;
    }
    if (event.repeat) return;
    presses += 1;
    clearTimeout(timer);
    if (presses >= 3) {
      presses = 0;
      leave();
      return;
    }
    timer = setTimeout(function () {
      presses = 0;
    }, 2000);
  });

  // A page shown again from the back-forward cache is visible again.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) document.body.hidden = false;
  });
})();
