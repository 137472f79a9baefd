/** "What the AI saw" (or, in a flow without AI, "The case"): the task's `show` values that are not the AI's own. */
import { labelOf, ValueView } from './ValueView'

export function ShownInputs({ inputs, title = 'What the AI saw' }: { inputs: [string, unknown][]; title?: string }) {
  return (
    <section className="ib-card" aria-labelledby="inputs-title">
      <h2 id="inputs-title">{title}</h2>
      {inputs.length === 0 ? (
        <p className="muted">This step shows no inputs.</p>
      ) : (
        <dl className="shown" data-testid="shown-inputs">
          {inputs.map(([key, value]) => (
            <div key={key} className="shown-row">
              <dt>{labelOf(key)}</dt>
              <dd>
                <ValueView value={value} />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  )
}
