/** `exchange merge-manifests <dir> [manifest...]`: join the manifests of a sharded build. */
import path from 'node:path'
import type {Command} from 'commander'
import {mergeManifests} from '../../engine/manifest.js'
import type {Io} from '../index.js'

interface MergeFlags {
  json?: boolean
  quiet?: boolean
}

export function mergeManifestsCommand(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('merge-manifests')
    .description('Fold the manifests of a sharded build (--shard I/N) into the output folder’s manifest, so the next run skips what is unchanged.')
    .argument('<dir>', 'output folder holding the shard manifests (e.g. CI artifacts downloaded into one folder)')
    .argument('[more...]', 'other manifest files or output folders to fold in')
    .option('--json', 'print the result as JSON on stdout')
    .option('-q, --quiet', 'print errors only')
    .addHelpText(
      'after',
      `
Each job of a CI matrix (exchange build --shard I/N) writes .exchange-manifest.shard-I-of-N.json
beside its reports. Download every job's output into one folder, then:

  $ exchange merge-manifests out

Exit codes: 0 merged, 2 bad usage.`,
    )
    .action(async (dir: string, more: string[], flags: MergeFlags) => {
      const result = await mergeManifests(dir, more, io.cwd)
      if (flags.json) io.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
      else if (!flags.quiet) {
        io.stderr.write(`${result.reports} report${result.reports === 1 ? '' : 's'} from ${result.merged.length} manifest${result.merged.length === 1 ? '' : 's'} → ${path.relative(io.cwd, result.file) || result.file}\n`)
      }
      setExit(0)
    })
}
