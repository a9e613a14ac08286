// Progressive enhancement: without JavaScript the code is plain text to select and copy.
(function () {
  function selectAndCopy(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    try {
      return document.execCommand('copy');
    } catch (e) {
      return false;
    }
  }
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    var source = document.getElementById(button.getAttribute('data-copy'));
    var status = document.getElementById(button.getAttribute('data-copy-status'));
    if (!source) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      var text = source.textContent.replace(/\s+/g, ' ').trim();
      function done() {
        if (status) status.textContent = status.getAttribute('data-copied');
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () {
          if (selectAndCopy(source)) done();
        });
      } else if (selectAndCopy(source)) {
        done();
      }
    });
  });
})();
