/*
 * Pièces justificatives : avant l'envoi d'un formulaire de dépôt, vérifie la taille du fichier choisi (inutile d'envoyer
 * 30 Mo depuis un téléphone pour se les voir refuser) et évite un double envoi. Amélioration progressive : sans script,
 * le serveur fait les mêmes contrôles et affiche le même message à côté du champ.
 */
(function () {
  'use strict';

  function mega(octets) {
    return Math.round(octets / (1024 * 1024)) + ' Mo';
  }

  function erreur(groupe, champ, message) {
    var id = champ.id + '-erreur';
    var p = document.getElementById(id);
    if (!p) {
      p = document.createElement('p');
      p.className = 'fr-error-text';
      p.id = id;
      groupe.appendChild(p);
    }
    p.textContent = message;
    groupe.classList.add('fr-upload-group--error');
    champ.setAttribute('aria-invalid', 'true');
    champ.setAttribute('aria-describedby', id);
    champ.focus();
  }

  document.querySelectorAll('form.sne-depot').forEach(function (form) {
    form.addEventListener('submit', function (evenement) {
      var champ = form.querySelector('input[type=file]');
      var groupe = champ ? champ.closest('.fr-upload-group') : null;
      var max = parseInt(form.getAttribute('data-taille-max'), 10);
      if (!champ || !groupe) {
        return;
      }
      if (!champ.files || champ.files.length === 0) {
        evenement.preventDefault();
        erreur(groupe, champ, 'Choisissez le fichier à envoyer : un PDF ou une photo du document.');
        return;
      }
      if (max > 0 && champ.files[0].size > max) {
        evenement.preventDefault();
        erreur(groupe, champ, 'Le fichier dépasse la taille maximale autorisée (' + mega(max)
            + ') : photographiez le document en qualité normale, ou réduisez le PDF.');
        return;
      }
      var bouton = form.querySelector('button[type=submit]');
      if (bouton) {
        if (bouton.getAttribute('aria-disabled') === 'true') {
          evenement.preventDefault();
          return;
        }
        bouton.setAttribute('aria-disabled', 'true');
      }
    });
  });

  // back to the page from the browser's history: its buttons work again
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form.sne-depot button[aria-disabled=true]').forEach(function (bouton) {
      bouton.removeAttribute('aria-disabled');
    });
  });
})();
