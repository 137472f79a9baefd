/** The lazily loaded Monaco chunk's entry: the editors the designer swaps in. */
import '../../styles/monaco.css'
export { MonacoExpression } from './MonacoExpression'
export { FlowJsonEditor } from './FlowJsonEditor'
export { FlowDiffEditor } from './FlowDiffEditor'
