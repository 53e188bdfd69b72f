/** Printing diagnostics and timings for people. */
import {formatDiagnostic} from '../diagnostics.js'
import type {Diagnostic} from '../types.js'
import type {Io} from './index.js'

export function printDiagnostics(diagnostics: Diagnostic[], io: Io, options: {quiet?: boolean; verbose?: boolean} = {}): void {
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 'info' && !options.verbose) continue
    if (diagnostic.severity === 'warning' && options.quiet) continue
    io.stderr.write(`${formatDiagnostic(diagnostic)}\n`)
  }
}

export function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`
}
