/** The roster of the open classes' tests (open-classes.test.ts) and of the word uses beside them (over-redaction.test.ts). */
export const front = `---
title: Open classes
attendees:
  - { name: Sue Field, org: Stockport Council }
  - Mark Hill
  - Robin Shepherd
  - Cllr Precious Moyo
  - Faith Lewis
  - Hope Walsh
  - Carol Rich
  - Grant Okafor
share: [Leeds City Council]
---
`
