import type { enReports } from './enReports';

/** German strings of the reports screen. */
export const deReports: typeof enReports = {
  nav: 'Berichte',
  title: 'Berichte',
  subtitle: 'Antwortzeiten, angerechnet der Person, die geantwortet hat. Tage und Stunden in {{zone}}.',
  close: 'Zurück zum Posteingang',
  from: 'Von',
  to: 'Bis',
  groupBy: 'Gruppieren nach',
  metric: 'Kennzahl',
  clock: 'Zeit',
  wall: 'Uhrzeit',
  business: 'Geschäftszeiten',
  groups: {
    hour: 'Tageszeit (Stunde)',
    day: 'Tag',
    channel: 'Kanal',
    account: 'Konto',
    team: 'Team',
    agent: 'Mitarbeiter:in',
  },
  metrics: {
    frt: 'Erste Antwortzeit',
    nrt: 'Folgeantwortzeit',
    resolution: 'Lösungszeit',
    handle: 'Bearbeitungszeit',
  },
  columns: {
    group: 'Gruppe',
    count: 'Anzahl',
    mean: 'Mittelwert',
    median: 'Median',
    p90: '90. Perzentil',
    inbound: 'Kundennachrichten',
    conversations: 'Konversationen',
    resolved: 'Gelöst',
  },
  none: '(keine)',
  loading: 'Bericht wird geladen…',
  error: 'Der Bericht konnte nicht geladen werden.',
  downloadCsv: 'CSV herunterladen',
  approximate:
    'Großer Zeitraum: Median und 90. Perzentil sind aus einem Histogramm geschätzt (auf 5 % genau).',
  chartSummary:
    '{{metric}} ({{clock}}) nach {{group}}: Median und 90. Perzentil je Gruppe in Minuten. Die Zahlen stehen in der Tabelle darunter.',
  medianMinutes: 'Median (Min.)',
  p90Minutes: '90. Perzentil (Min.)',
};
