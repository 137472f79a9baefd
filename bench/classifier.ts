/**
 * Speed of the local naive Bayes classifier: training on 500 loan notes and
 * predicting ~30-word texts. Run alone with `node --import tsx bench/classifier.ts`.
 */
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { trainNaiveBayes, type LabelledExample } from '../runtime/ai/local/naive-bayes.js'

export interface ClassifierBench {
  /** Median milliseconds to train (incl. calibration) on `examples` notes. */
  trainMs: number
  /** Predictions per second on ~30-word texts. */
  predictPerSec: number
  examples: number
}

function loanNotes(): LabelledExample[] {
  const file = new URL('../examples/datasets/loan-notes.jsonl', import.meta.url)
  return readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as LabelledExample)
}

/** The 200 shipped notes plus same-label recombinations, `count` in all. */
function trainingSet(count: number): LabelledExample[] {
  const notes = loanNotes()
  const set = [...notes]
  for (let k = 0; set.length < count; k++) {
    const a = notes[k % notes.length]
    const b = notes.filter((n) => n.label === a.label)[(k * 7 + 3) % 100]
    set.push({ text: `${a.text} ${b.text.split(',')[0]}`, label: a.label })
  }
  return set.slice(0, count)
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/**
 * @example
 * const { trainMs, predictPerSec } = await benchClassifier()
 */
export async function benchClassifier(examples = 500, predictions = 100_000): Promise<ClassifierBench> {
  const set = trainingSet(examples)
  const times: number[] = []
  let model = trainNaiveBayes(set)
  for (let run = 0; run < 15; run++) {
    const start = performance.now()
    model = trainNaiveBayes(run % 2 ? set : [...set].reverse())
    times.push(performance.now() - start)
  }
  const texts = set.slice(0, 50).map((e, i) => `${e.text} ${set[i + 50].text}`.split(' ').slice(0, 30).join(' '))
  for (let i = 0; i < 5_000; i++) model.predict(texts[i % texts.length])
  const start = performance.now()
  for (let i = 0; i < predictions; i++) model.predict(texts[i % texts.length])
  const predictPerSec = Math.round(predictions / ((performance.now() - start) / 1000))
  const trainMs = Math.round(median(times) * 100) / 100
  console.log(
    `classifier: train ${examples} examples ${trainMs} ms; predict ${predictPerSec.toLocaleString('en')}/s ` +
      `(${(1e6 / predictPerSec).toFixed(1)} µs per 30-word text)`,
  )
  return { trainMs, predictPerSec, examples }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchClassifier()
