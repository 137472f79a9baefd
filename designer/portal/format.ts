/** Dates the way the customer reads them: option values that are calendar dates, and the answer-by time. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** "2026-03-12" → "Thursday, 12 March 2026" (en) / "Donnerstag, 12. März 2026" (de); other text as it is. */
export function optionLabel(label: string, lang: string): string {
  const m = ISO_DATE.exec(label.trim())
  if (!m) return label
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  if (Number.isNaN(date.getTime())) return label
  return new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date)
}

/** An ISO time in the reader's own time zone, e.g. "Friday, 13 March 2026 at 09:00". */
export function dateTime(iso: string, lang: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'short' }).format(date)
}
