/**
 * The customer portal's and the sign-in page's texts, in English and German.
 * The language comes from `?lang=`, else the browser's languages (what it
 * sends as Accept-Language), else English. Add a language by adding a table.
 */

export const en = {
  loading: 'Loading…',
  answerBy: 'Please answer by {date}.',
  confirm: 'Confirm',
  reject: 'Reject',
  comment: 'Comment (optional)',
  chooseLegend: 'Choose one',
  other: 'None of these suit me',
  otherComment: 'What would suit you instead?',
  send: 'Send answer',
  sending: 'Sending…',
  rateLegend: 'How would you rate it?',
  ratings: ['Very poor', 'Poor', 'Okay', 'Good', 'Excellent'],
  ratingValue: '{n} of 5',
  yes: 'Yes',
  thanksTitle: 'Thank you',
  thanksText: 'Your answer has been sent. You can close this page.',
  yourAnswer: 'Your answer',
  answeredTitle: 'Already answered',
  answeredText: 'This request has already been answered. Nothing more is needed from you.',
  expiredTitle: 'This link has expired',
  expiredText: 'The time to answer has passed. If you still want to answer, please get in touch with us.',
  closedTitle: 'No longer open',
  closedText: 'This request has been withdrawn and needs no answer.',
  notFoundTitle: 'This link is not valid',
  notFoundText: 'Please check that you opened the whole link from the message you received.',
  errorTitle: 'Something went wrong',
  errorText: 'Your answer could not be loaded or sent. Please try again in a moment.',
  retry: 'Try again',
  pickOne: 'Please choose one of the options.',
  pickRating: 'Please choose a rating.',
  fillIn: 'Please fill in “{field}”.',
  answerConfirm: 'Confirmed',
  answerReject: 'Rejected',
  answerOther: 'Asked for something else',
  answerSubmit: 'Details sent',
  answerRate: 'Rated {n} of 5',
  switchLanguage: 'Deutsch',
  switchLanguageCode: 'de',
  signInTitle: 'Sign in to Inloop',
  username: 'Username',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  badLogin: 'The username or the password is wrong.',
  tooMany: 'Too many failed attempts. Please wait a few minutes and try again.',
  signInFailed: 'Signing in failed. Please try again.',
}

export type Texts = typeof en

export const de: Texts = {
  loading: 'Wird geladen…',
  answerBy: 'Bitte antworten Sie bis {date}.',
  confirm: 'Bestätigen',
  reject: 'Ablehnen',
  comment: 'Kommentar (optional)',
  chooseLegend: 'Bitte wählen Sie eine Möglichkeit',
  other: 'Nichts davon passt mir',
  otherComment: 'Was würde Ihnen stattdessen passen?',
  send: 'Antwort senden',
  sending: 'Wird gesendet…',
  rateLegend: 'Wie bewerten Sie es?',
  ratings: ['Sehr schlecht', 'Schlecht', 'In Ordnung', 'Gut', 'Ausgezeichnet'],
  ratingValue: '{n} von 5',
  yes: 'Ja',
  thanksTitle: 'Vielen Dank',
  thanksText: 'Ihre Antwort wurde gesendet. Sie können diese Seite schließen.',
  yourAnswer: 'Ihre Antwort',
  answeredTitle: 'Bereits beantwortet',
  answeredText: 'Diese Anfrage wurde bereits beantwortet. Sie müssen nichts weiter tun.',
  expiredTitle: 'Dieser Link ist abgelaufen',
  expiredText: 'Die Frist für eine Antwort ist vorbei. Wenn Sie noch antworten möchten, melden Sie sich bitte bei uns.',
  closedTitle: 'Nicht mehr offen',
  closedText: 'Diese Anfrage wurde zurückgezogen und braucht keine Antwort.',
  notFoundTitle: 'Dieser Link ist ungültig',
  notFoundText: 'Bitte prüfen Sie, ob Sie den vollständigen Link aus der Nachricht geöffnet haben.',
  errorTitle: 'Etwas ist schiefgegangen',
  errorText: 'Ihre Antwort konnte nicht geladen oder gesendet werden. Bitte versuchen Sie es gleich noch einmal.',
  retry: 'Erneut versuchen',
  pickOne: 'Bitte wählen Sie eine der Möglichkeiten.',
  pickRating: 'Bitte wählen Sie eine Bewertung.',
  fillIn: 'Bitte füllen Sie „{field}“ aus.',
  answerConfirm: 'Bestätigt',
  answerReject: 'Abgelehnt',
  answerOther: 'Um etwas anderes gebeten',
  answerSubmit: 'Angaben gesendet',
  answerRate: 'Mit {n} von 5 bewertet',
  switchLanguage: 'English',
  switchLanguageCode: 'en',
  signInTitle: 'Bei Inloop anmelden',
  username: 'Benutzername',
  password: 'Passwort',
  signIn: 'Anmelden',
  signingIn: 'Anmeldung läuft…',
  badLogin: 'Benutzername oder Passwort ist falsch.',
  tooMany: 'Zu viele Fehlversuche. Bitte warten Sie einige Minuten und versuchen Sie es erneut.',
  signInFailed: 'Die Anmeldung ist fehlgeschlagen. Bitte versuchen Sie es erneut.',
}

export const LANGUAGES = { en, de } as const
export type Lang = keyof typeof LANGUAGES

/** `?lang=de` wins; then the browser's preferred languages; then English. */
export function pickLanguage(search: string, preferred: readonly string[]): Lang {
  const asked = new URLSearchParams(search).get('lang')?.toLowerCase()
  if (asked && asked in LANGUAGES) return asked as Lang
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0]
    if (base in LANGUAGES) return base as Lang
  }
  return 'en'
}

/** The browser's own locale for dates when it speaks the chosen language (en-GB: 14 March), else the language itself. */
export function pickLocale(lang: Lang, preferred: readonly string[]): string {
  return preferred.find((tag) => tag.toLowerCase().split('-')[0] === lang) ?? lang
}

/** Fill `{name}` placeholders. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m))
}
