// The citizen form works without this file. With it: the error summary takes focus, the form is
// checked before it is sent (the server checks everything again), and files are sent with a
// progress bar. Served as a file, never inline, so that a strict Content-Security-Policy holds.
(function () {
  'use strict';

  var summary = document.querySelector('.error-summary');
  if (summary) {
    summary.focus();
  }

  var form = document.getElementById('report-form');
  if (!form || !window.FormData || !window.XMLHttpRequest) {
    return;
  }
  var accepted = ['image/png', 'image/jpeg', 'image/webp', 'application/pdf'];
  var acceptedNames = /\.(png|jpe?g|webp|pdf)$/i;

  function text(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : all;
    });
  }

  function clearClientErrors() {
    Array.prototype.forEach.call(form.ownerDocument.querySelectorAll('[data-client-error]'), function (node) {
      node.parentNode.removeChild(node);
    });
  }

  function showErrors(errors) {
    clearClientErrors();
    var old = document.querySelector('.error-summary');
    if (old) {
      old.parentNode.removeChild(old);
    }
    var box = document.createElement('div');
    box.className = 'error-summary';
    box.setAttribute('role', 'alert');
    box.setAttribute('tabindex', '-1');
    box.setAttribute('data-client-error', '');
    var title = document.createElement('h2');
    title.textContent = form.getAttribute('data-msg-summary');
    box.appendChild(title);
    var list = document.createElement('ul');
    errors.forEach(function (error) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = '#' + error.id;
      link.textContent = error.message;
      item.appendChild(link);
      list.appendChild(item);
      var field = document.getElementById(error.id);
      var message = document.createElement('p');
      message.className = 'error-message';
      message.id = error.id + '-client-error';
      message.setAttribute('data-client-error', '');
      message.textContent = error.message;
      field.parentNode.insertBefore(message, field);
      field.setAttribute('aria-invalid', 'true');
      var described = (field.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
      described.push(message.id);
      field.setAttribute('aria-describedby', described.join(' '));
    });
    box.appendChild(list);
    var main = document.getElementById('main');
    main.insertBefore(box, main.firstChild);
    box.focus();
  }

  function check() {
    var errors = [];
    var content = document.getElementById('content');
    if (!content.value.trim()) {
      errors.push({ id: 'content', message: form.getAttribute('data-msg-required') });
    }
    var files = document.getElementById('evidence').files || [];
    var maxFiles = parseInt(form.getAttribute('data-max-files'), 10);
    var maxBytes = parseInt(form.getAttribute('data-max-bytes'), 10);
    if (files.length > maxFiles) {
      errors.push({ id: 'evidence', message: text(form.getAttribute('data-msg-too-many'), { n: files.length }) });
    }
    Array.prototype.forEach.call(files, function (file) {
      if (file.size > maxBytes) {
        errors.push({ id: 'evidence', message: text(form.getAttribute('data-msg-too-large'), { name: file.name }) });
      }
      else if (accepted.indexOf(file.type) < 0 && !acceptedNames.test(file.name)) {
        errors.push({ id: 'evidence', message: text(form.getAttribute('data-msg-type'), { name: file.name }) });
      }
    });
    return errors;
  }

  form.addEventListener('submit', function (event) {
    var submitter = event.submitter;
    if (submitter && submitter.id === 'switch-language') {
      return; // the language switch only carries what was typed to the other language
    }
    var errors = check();
    if (errors.length) {
      event.preventDefault();
      showErrors(errors);
      return;
    }
    var files = document.getElementById('evidence').files || [];
    if (!files.length) {
      return; // nothing to show progress for: let the browser send it as usual
    }
    event.preventDefault();
    var progress = document.getElementById('upload-progress');
    var bar = document.getElementById('upload-progress-bar');
    var button = document.getElementById('submit');
    progress.hidden = false;
    button.disabled = true;
    var request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        bar.value = Math.round(e.loaded * 100 / e.total);
      }
    });
    request.addEventListener('load', function () {
      bar.value = 100;
      document.open();
      document.write(request.responseText);
      document.close();
    });
    request.addEventListener('error', function () {
      progress.hidden = true;
      button.disabled = false;
      form.submit();
    });
    request.send(new FormData(form));
  });
}());
