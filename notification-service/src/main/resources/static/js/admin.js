// Served from the service itself, as the Content-Security-Policy requires: asks before a form marked
// with data-confirm (deleting a contact point) is sent.
document.addEventListener('submit', function (event) {
  var question = event.target.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
