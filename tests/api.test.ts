import {describe, expect, it} from 'vitest'
import * as api from '../src/index.js'

describe('public API', () => {
  it('exports every pipeline stage and the build entry points', () => {
    expect(Object.keys(api).sort()).toEqual([
      'AuditError',
      'ExchangeError',
      'UsageError',
      'allFormats',
      'build',
      'buildReport',
      'check',
      'compileReport',
      'compileRoster',
      'createAuditor',
      'defaultFormats',
      'exitCodes',
      'findChromium',
      'formatDiagnostic',
      'groupNotes',
      'htmlText',
      'htmlView',
      'launchBrowser',
      'loadBrand',
      'loadProfile',
      'loadTheme',
      'nameForms',
      'notesParser',
      'parseAttendeesFile',
      'parseNotes',
      'parseProfile',
      'pdfText',
      'printPdf',
      'processNotes',
      'readNotes',
      'remarkChathamHouse',
      'remarkGroup',
      'remarkHashtags',
      'remarkNotesFrontMatter',
      'renderHtml',
      'reportToJson',
      'reportToMarkdown',
      'shippedProfiles',
      'splitHashtags',
      'version',
    ])
  })
})
