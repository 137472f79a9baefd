/**
 * Stop words for English and German: function words that carry no signal for
 * a bag-of-words classifier. Negations (no, not, never, nicht, kein, ohne, ...)
 * and comparatives (more, less, only) are deliberately NOT here: in notes such
 * as "no late payments" they are the signal.
 */

const ENGLISH = `a an the and or but if of at by for with about to from in on into onto
is are was were be been being am has have had having do does did doing
this that these those it its itself i me my mine we us our ours you your yours
he him his she her hers they them their theirs what which who whom whose
as so than too very can will just should would could shall may might must
there here then also such each both any some all own same other
s t d ll m re ve o y let's`

const GERMAN = `der die das den dem des ein eine einer eines einem einen
und oder aber denn sondern ist sind war waren bin bist sein seine seiner seinen seinem
hat haben hatte hatten habe wird werden wurde wurden würde würden
ich du er sie es wir ihr mich mir dich dir sich uns euch ihm ihn ihnen
mit von zu zum zur im an am auf für bei beim aus nach vor um als wie so auch noch
dass daß da dann hier dort dies diese dieser dieses diesen diesem jener man
doch schon ja mal`

/** Lowercase English and German stop words. */
export const STOP_WORDS: ReadonlySet<string> = new Set(`${ENGLISH} ${GERMAN}`.split(/\s+/).filter(Boolean))
