import { describe, expect, it } from 'vitest'
import { DEFAULT_FILTERS, filtersFromSearch, filtersToSearch, toTaskQuery } from '../../../designer/src/inbox/inbox-filters'

describe('inbox filters in the address bar', () => {
  it('leaves the defaults out of the URL', () => {
    expect(filtersToSearch(DEFAULT_FILTERS)).toBe('')
  })

  it('reads back what it wrote, with pages counted from 1 for people', () => {
    const filters = { ...DEFAULT_FILTERS, flowId: 'loan-approval', assignee: 'me' as const, due: 'overdue' as const, page: 2 }
    const search = filtersToSearch(filters)
    expect(search).toBe('?flow=loan-approval&assignee=me&due=overdue&page=3')
    expect(filtersFromSearch(search)).toEqual(filters)
  })

  it('ignores values it does not know', () => {
    expect(filtersFromSearch('?status=lost&due=someday&page=-4')).toEqual(DEFAULT_FILTERS)
  })

  it('asks the API for one page, sorted by due time, with "anyone" left out', () => {
    expect(toTaskQuery({ ...DEFAULT_FILTERS, page: 1 })).toEqual({ status: 'open', sort: 'due', limit: 50, offset: 50, flowId: undefined, group: undefined, assignee: undefined, due: undefined })
  })
})
