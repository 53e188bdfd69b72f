#!/usr/bin/env node
// Where a build's memory goes: the peak PSS of the whole process tree (node and
// every Chromium process), and each kind of process's share at that peak and
// its own peak. For trying a memory lever; bench/batch.mjs records the figures.
//
//   npm run build && node bench/memory.mjs DIR [--heaps] [more `exchange build` options, e.g. --concurrency 1]
//
// Runs `exchange build DIR -o TMP -f pdf --force -q` with them, sampling every 50 ms. With --heaps, node's
// share is split too: each thread's (the main one, each compile worker) largest V8 heap, space by space
// (`bench/lib/heap-sampler.mjs`, preloaded; what node holds besides, code and buffers, is the rest).
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {root} from './lib/report.mjs'
import {peakPss} from './lib/processes.mjs'

const args = process.argv.slice(2)
const heaps = args.includes('--heaps')
const [dir, ...options] = args.filter((arg) => arg !== '--heaps')
if (!dir) throw new Error('usage: node bench/memory.mjs DIR [exchange build options]')
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'exchange-bench-memory-'))
const mib = (bytes) => Math.round(bytes / 2 ** 20)
const shares = (parts) => Object.entries(parts).sort((a, b) => b[1] - a[1]).map(([name, bytes]) => `${name} ${mib(bytes)}`).join(', ')

const started = performance.now()
const heapDir = heaps ? fs.mkdtempSync(path.join(os.tmpdir(), 'exchange-bench-heaps-')) : undefined
const env = heapDir ? {...process.env, EXCHANGE_HEAP_DIR: heapDir, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${pathToFileURL(path.join(root, 'bench/lib/heap-sampler.mjs')).href}`.trim()} : process.env
const child = spawn(process.execPath, [path.join(root, 'bin/exchange.js'), 'build', dir, '-o', out, '-f', 'pdf', '--force', '-q', ...options], {stdio: 'inherit', env})
const sampler = peakPss(child.pid, 50, {byKind: true})
child.on('exit', async (code) => {
  const peak = await sampler.stop()
  fs.rmSync(out, {recursive: true, force: true})
  process.stdout.write(
    `exit ${code}, ${((performance.now() - started) / 1000).toFixed(2)} s\n` +
      `peak PSS ${mib(peak)} MiB: ${shares(sampler.atPeak)}\n` +
      `each kind's own peak (MiB): ${shares(sampler.own)}\n`,
  )
  if (!heapDir) return
  for (const name of fs.readdirSync(heapDir).sort()) {
    const {thread, heap, spaces} = JSON.parse(fs.readFileSync(path.join(heapDir, name), 'utf8'))
    process.stdout.write(`largest V8 heap, ${thread}: ${heap} MiB (${shares(Object.fromEntries(Object.entries(spaces).map(([space, size]) => [space, size * 2 ** 20])))})\n`)
  }
  fs.rmSync(heapDir, {recursive: true, force: true})
})
