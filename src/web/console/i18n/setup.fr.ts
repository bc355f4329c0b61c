/** The first-administrator page of a fresh install (`/console/setup#<token>`). */
export const setupFr = {
  'setup.title': 'Créer votre cabinet',
  'setup.intro':
    'Ce lien à usage unique crée le cabinet et son premier administrateur. Les autres membres de l’équipe seront ensuite invités depuis la console.',
  'setup.practiceSection': 'Le cabinet',
  'setup.adminSection': 'L’administrateur',
  'setup.practiceName': 'Nom du cabinet',
  'setup.practiceNameHint': 'Tel que les patients le verront, par exemple « Cabinet dentaire du Lac ».',
  'setup.country': 'Pays',
  'setup.country.FR': 'France',
  'setup.country.CH': 'Suisse',
  'setup.timeZone': 'Fuseau horaire',
  'setup.timeZone.paris': 'Europe/Paris (France)',
  'setup.timeZone.zurich': 'Europe/Zurich (Suisse)',
  'setup.firstName': 'Prénom',
  'setup.lastName': 'Nom',
  'setup.email': 'Adresse e-mail',
  'setup.emailHint': 'Elle sert d’identifiant pour se connecter.',
  'setup.password': 'Mot de passe',
  'setup.passwordHint': 'Au moins 10 caractères. Une phrase est plus sûre et plus facile à retenir.',
  'setup.submit': 'Créer le cabinet et me connecter',
  'setup.invalid':
    'Ce lien n’est plus valable : il a déjà servi, il a expiré ou un nouveau lien l’a remplacé. Si le cabinet existe déjà, connectez-vous ; sinon, redémarrez le serveur ou lancez « npm run admin:create » pour obtenir un nouveau lien.',
  'setup.signIn': 'Aller à la connexion',
} as const;
