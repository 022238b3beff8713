import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { campaignHref, campaignSource, linkHref } from './links.ts';

const filterOf = (href: string) => JSON.parse(new URL(href, 'http://x').searchParams.get('filter') ?? 'null') as unknown;

describe('linkHref', () => {
  test('opens a react-admin list with its filter as JSON in the address', () => {
    const href = linkHref({ resource: 'buildings', filter: { regionCode: '441802006', riskTier: 'red' } });
    assert.match(href, /^\/buildings\?filter=/);
    assert.deepEqual(filterOf(href), { regionCode: '441802006', riskTier: 'red' });
  });

  test('encodes every character the JSON needs, so the address survives a round trip', () => {
    const filter = { q: 'a&b=c #1', overdue: true, minFloors: 3 };
    const href = linkHref({ resource: 'cases', filter });
    assert.ok(!href.includes('&b'), href);
    assert.ok(!href.includes('#'), href);
    assert.deepEqual(filterOf(href), filter);
  });

  test('an empty filter is an explicit empty filter (the list forgets its remembered one)', () => {
    assert.equal(linkHref({ resource: 'complaints', filter: {} }), `/complaints?filter=${encodeURIComponent('{}')}`);
  });

  test('tasks open the inbox tab the filter names, or the user’s own tasks', () => {
    assert.equal(linkHref({ resource: 'tasks', filter: { view: 'overdue' } }), '/inbox?view=overdue');
    assert.equal(linkHref({ resource: 'tasks', filter: { view: 'claimable' } }), '/inbox?view=claimable');
    assert.equal(linkHref({ resource: 'tasks', filter: {} }), '/inbox?view=mine');
    assert.equal(linkHref({ resource: 'tasks', filter: { view: '<script>' } }), '/inbox?view=mine');
    assert.equal(linkHref({ resource: 'campaign-tasks', filter: {} }), '/inbox?view=campaigns');
  });
});

describe('campaignHref', () => {
  test('a houses cell becomes the campaign form with its house filters and region', () => {
    const link = { resource: 'buildings' as const, filter: { regionCode: '441802006', use: 'business', minFloors: 3, q: 'x' } };
    assert.deepEqual(campaignSource(link), { regionCode: '441802006', filters: { use: 'business', minFloors: 3 } });
    const href = campaignHref(link);
    assert.ok(href?.startsWith('/campaigns/create?source='), String(href));
    if (!href) return;
    const source = JSON.parse(new URL(href, 'http://x').searchParams.get('source') ?? '') as unknown;
    assert.deepEqual(source, { regionCode: '441802006', filters: { use: 'business', minFloors: 3 } });
  });

  test('a village’s cell targets its town (a campaign covers a district or a town)', () => {
    assert.equal(campaignSource({ resource: 'buildings', filter: { regionCode: '441802006001' } })?.regionCode, '441802006');
  });

  test('other lists cannot become a campaign', () => {
    assert.equal(campaignHref({ resource: 'cases', filter: { regionCode: '441802' } }), null);
  });
});
