// Reads a question aloud with the browser's own speech, where it has it. Without speech (or without
// JavaScript) the Listen buttons stay hidden and the form works as it is.
(function () {
  if (!('speechSynthesis' in window) || typeof window.SpeechSynthesisUtterance !== 'function') return;
  document.querySelectorAll('[data-speak]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var target = document.getElementById(button.getAttribute('data-speak'));
      if (!target) return;
      window.speechSynthesis.cancel();
      var words = new window.SpeechSynthesisUtterance(target.textContent.trim());
      words.lang = target.closest('[lang]') ? target.closest('[lang]').getAttribute('lang') : 'en';
      window.speechSynthesis.speak(words);
    });
  });
})();
