// Progressive enhancement: without JavaScript the page says how to print from the browser menu.
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.hidden = false;
  button.addEventListener('click', function () {
    window.print();
  });
});
