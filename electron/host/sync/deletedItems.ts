import * as Y from 'yjs';

/** The items of `doc` that an update's delete set removes (those the doc has), one by one. */
export function* deletedItems(doc: Y.Doc, ds: ReturnType<typeof Y.decodeUpdate>['ds']): Generator<Y.Item> {
  for (const [client, ranges] of ds.clients) {
    const list = doc.store.clients.get(client);
    if (!list) continue;
    for (const r of ranges) {
      for (let i = Y.findIndexSS(list, r.clock); i < list.length && list[i].id.clock < r.clock + r.len; i++) {
        const s = list[i];
        if (s instanceof Y.Item) yield s;
      }
    }
  }
}
