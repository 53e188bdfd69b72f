/** Contact details go: emails, phones, handles, personal profiles (as text and as links); public resources stay. */
import type {Link} from 'mdast'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {findContacts, isProfileUrl} from '../../src/anonymise/contacts.js'
import {anonymise, note} from './helpers.js'

const kinds = (text: string) => findContacts(text).map((span) => [span.kind, span.text])

describe('findContacts', () => {
  it('finds emails', () => {
    expect(kinds('mail jane.smith@wigan.gov.uk or x.hope.lindsay@nottinghamcity.gov.uk.')).toEqual([
      ['email', 'jane.smith@wigan.gov.uk'],
      ['email', 'x.hope.lindsay@nottinghamcity.gov.uk'],
    ])
  })

  it('finds UK and international phone numbers', () => {
    for (const phone of ['0161 496 0418', '07700 900418', '07700 900 526', '+44 20 7946 0321', '+44 7700 900 183', '+44 115 496 0619', '+1-984-182-0190', '+46 (0)8 928 571 38', '(0113) 496 0275']) {
      expect(kinds(`call ${phone} today`), phone).toEqual([['phone', phone]])
    }
  })

  it('leaves numbers that are not phone numbers', () => {
    for (const text of ['in 2019-2024', 'on 2018-07-18', 'at 10.40', '4,000 responses', '£400k in six weeks', 'from 9% to 17%', 'on 1978-04-13 12:20:39', 'card 4454794511390933']) {
      expect(kinds(text), text).toEqual([])
    }
  })

  it('finds social handles, but not an email’s domain', () => {
    expect(kinds('twitter @RoseKaurDigital, mastodon @jane@mastodon.social, mail a@b.org')).toEqual([
      ['handle', '@RoseKaurDigital'],
      ['handle', '@jane@mastodon.social'],
      ['email', 'a@b.org'],
    ])
  })

  it('tells personal profiles from public resources', () => {
    for (const url of ['https://www.linkedin.com/in/priya-natarajan-4b2a19/', 'https://uk.linkedin.com/in/rosekaur-digital', 'https://twitter.com/tomokafor', 'https://x.com/tomokafor', 'https://bsky.app/profile/jane.bsky.social', 'https://mastodon.social/@jane', 'https://github.com/janesmith']) {
      expect(isProfileUrl(url), url).toBe(true)
    }
    for (const url of ['https://pbnetwork.org.uk/resources/', 'https://www.wigan.gov.uk/Council/The-Deal/index.aspx', 'https://twitter.com/search?q=pb', 'https://github.com/org/repo', 'https://www.linkedin.com/company/nlgn']) {
      expect(isProfileUrl(url), url).toBe(false)
    }
  })
})

describe('contact details in the notes', () => {
  it('removes contact details and the word that introduces them', () => {
    expect(note('Frank Osei: mob 07700 900 744')).toBe('')
    expect(note('the pilot lead is on 0161 496 0418 if you need her')).toBe('the pilot lead is on if you need her'.replace('on if', 'on if'))
    expect(note('ask the host, twitter @someone_else')).toBe('ask the host')
  })

  it('rewrites a handle that names a participant like the participant', () => {
    expect(note('ask @tomokafor for the slides')).toBe('ask one participant for the slides')
    expect(note('table 2 (@tomokafor): mix channels')).toBe('table 2: mix channels')
  })

  it('removes a link to a personal profile entirely: text, address and all', () => {
    const {tree, markdown} = anonymise('- [Priya on LinkedIn](https://www.linkedin.com/in/priya-natarajan-4b2a19/) – moving jobs\n- <https://www.linkedin.com/in/frank-osei-wells/>\n- [her page](https://example.org/jane-smith)')
    const urls: string[] = []
    visit(tree, 'link', (link: Link) => {
      urls.push(link.url)
    })
    expect(urls).toEqual([])
    expect(markdown).not.toMatch(/linkedin|jane|priya|frank/i)
  })

  it('removes email and phone links', () => {
    const {markdown} = anonymise('- Jane – <jane.smith@wigan.gov.uk>, [call](tel:01614960418)')
    expect(markdown).not.toMatch(/wigan\.gov|0161|call/)
  })

  it('keeps public resources, whose words are not names', () => {
    const {markdown} = anonymise("- [Nadia's notes](https://pbnetwork.org.uk/resources/) – PB Network\n- The Deal: https://www.wigan.gov.uk/Council/The-Deal/index.aspx\n- https://www.slough.gov.uk/will-it-work/")
    expect(markdown).toContain('https://pbnetwork.org.uk/resources/')
    expect(markdown).toContain('https://www.wigan.gov.uk/Council/The-Deal/index.aspx')
    expect(markdown).toContain('https://www.slough.gov.uk/will-it-work/')
  })

  it("removes an unshared attendee organisation's own site, which says where a speaker works (a shared one's stays)", () => {
    const {markdown} = anonymise('- Will it work? https://www.reading.gov.uk/will-it-work/ has the plan\n- The Deal: https://www.wigan.gov.uk/Council/The-Deal/index.aspx')
    expect(markdown).not.toMatch(/reading\.gov/)
    expect(markdown).toContain('https://www.wigan.gov.uk/Council/The-Deal/index.aspx')
  })
})

describe('an email written to dodge scrapers', () => {
  it('is an email, brackets and all; prose with "at" and "dot" is not', () => {
    const emails = (text: string) => findContacts(text).filter((span) => span.kind === 'email').map((span) => span.text)
    expect(emails('email siobhan[at]kirklees.gov.uk for the template')).toEqual(['siobhan[at]kirklees.gov.uk'])
    expect(emails('email siobhan.walsh (at) kirklees (dot) gov (dot) uk today')).toEqual(['siobhan.walsh (at) kirklees (dot) gov (dot) uk'])
    expect(emails('jane{at}wigan{dot}gov{dot}uk')).toEqual(['jane{at}wigan{dot}gov{dot}uk'])
    expect(emails('look at kirklees dot com, we met at the hall and had a dot vote')).toEqual([])
    expect(note('ask tom.okafor[at]camden.gov.uk for the template')).toBe('ask for the template')
  })
})
