import type { enChannels } from './enChannels';

/** Kanäle verbinden (Admins). */
export const deChannels: typeof enChannels = {
  title: 'Kanal verbinden',
  intro: 'Tokens werden verschlüsselt auf dem Server gespeichert und nie wieder angezeigt.',
  connectX: 'X-Konto verbinden',
  connectXKeys: 'X mit Schlüsseln verbinden',
  connectFacebook: 'Facebook-Seite verbinden',
  appKey: 'API-Schlüssel (Consumer Key)',
  appSecret: 'API-Schlüssel-Geheimnis',
  accessToken: 'Zugriffstoken',
  accessSecret: 'Zugriffstoken-Geheimnis',
  userToken: 'Facebook-Benutzerzugriffstoken',
  pageId: 'Seiten-ID (nur wenn Sie mehrere Seiten verwalten)',
  submit: 'Verbinden',
  cancel: 'Abbrechen',
  connecting: 'Wird verbunden …',
  connected: 'Das Konto ist verbunden.',
  failed: 'Verbinden fehlgeschlagen: {{reason}}',
  disconnect: 'Trennen',
  confirmDisconnect: 'Wirklich trennen? Der Abruf endet; die Konversationen bleiben.',
  confirm: 'Jetzt trennen',
  reauthorise: 'Neu autorisieren',
  dismiss: 'Schließen',
};
