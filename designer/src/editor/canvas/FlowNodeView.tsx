/**
 * The one node component: draws any node type from its description — icon,
 * colour, label, type, a one-line summary of the config, an input handle
 * and one named handle per output port — plus an error badge and the test
 * run's state, the live counts of runs here, or how it changed between
 * versions. Zoomed out, the same box shows only the step's name, drawn
 * large enough to read (the canvas's `lod-compact` class switches it).
 * Custom types get the same look for free.
 */
import { Handle, Position, type NodeProps } from '@xyflow/react'
import { memo } from 'react'
import { Icon } from '../../ui/Icon'
import { ReplayBadge } from '../replay/ReplayBadge'
import { LiveBadges } from './LiveBadges'
import type { CanvasNode } from './to-react-flow'

export const FlowNodeView = memo(function FlowNodeView({ data, selected }: NodeProps<CanvasNode>) {
  const { node, desc, info, problems, strayPorts, run, diff, live, replay } = data
  const inputs = desc ? desc.inputs : ['in']
  const label = node.label || desc?.title || node.type
  const classes = ['fnode', selected && 'is-selected', problems.length > 0 && 'has-problems', !desc && 'is-unknown', run && `run-${run}`, diff && `diff-${diff}`].filter(Boolean).join(' ')
  return (
    <div className={classes} style={{ '--accent': desc?.color ?? '#94a3b8' } as React.CSSProperties} data-node-id={node.id} data-type={node.type}>
      {inputs.map((input, i) => (
        <Handle key={input} type="target" position={Position.Left} id={input} className="handle handle-in" style={{ top: 26 + i * 14 }} />
      ))}
      {live && <LiveBadges live={live} />}
      {replay && <ReplayBadge counts={replay} />}
      <div className="fnode-head">
        <span className="fnode-icon">
          <Icon name={desc?.icon ?? 'box'} size={16} />
        </span>
        <span className="fnode-titles">
          <span className="fnode-label">{label}</span>
          <span className="fnode-type">{desc ? desc.title : `Unknown type “${node.type}”`}</span>
        </span>
        {problems.length > 0 && (
          <span className="fnode-badge" title={problems.map((p) => p.message).join('\n')} aria-label={`${problems.length} problem${problems.length === 1 ? '' : 's'}`} data-testid="node-problems">
            {problems.length}
          </span>
        )}
        {run === 'waiting' && <span className="fnode-run-chip">waiting</span>}
        {diff && diff !== 'moved' && <span className={`fnode-diff-chip diff-chip-${diff}`}>{diff}</span>}
      </div>
      <div className="fnode-compact" aria-hidden="true">
        <span className="fnode-compact-label">{label}</span>
      </div>
      {info.summary && <div className="fnode-summary" title={info.summary}>{info.summary}</div>}
      {(info.ports.length > 0 || strayPorts.length > 0) && (
        <div className="fnode-ports">
          {info.ports.map((port) => (
            <div className="fnode-port" key={port}>
              <span>{port}</span>
              <Handle type="source" position={Position.Right} id={port} className="handle handle-out" />
            </div>
          ))}
          {strayPorts.map((port) => (
            <div className="fnode-port is-stray" key={port} title={`No port “${port}” any more; reconnect or delete its edge`}>
              <span>{port}</span>
              <Handle type="source" position={Position.Right} id={port} className="handle handle-out" isConnectable={false} />
            </div>
          ))}
        </div>
      )}
    </div>
  )
})

/** Built once at module scope: React Flow re-mounts every node when this object changes. */
export const nodeTypes = { inloop: FlowNodeView }
