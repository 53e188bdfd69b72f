/** `exchange init [dir]`: scaffold notes, project config and a brand to copy. (Issue #5 fills this in.) */
import type {Command} from 'commander'
import {ExchangeError} from '../../errors.js'
import type {Io} from '../index.js'

export function initCommand(program: Command, _io: Io, _setExit: (code: number) => void): void {
  program
    .command('init')
    .description('Scaffold a notes template, exchange.yaml and a brand folder to copy.')
    .argument('[dir]', 'folder to create them in', '.')
    .action(async () => {
      throw new ExchangeError('`exchange init` is not available yet', {rule: 'init', hint: 'copy examples/ from the exchange repository meanwhile'})
    })
}
