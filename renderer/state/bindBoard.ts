import type * as Y from 'yjs';
import { elementsMap, metaMap, readElement, readMeta, rereadElement, type BoardElement } from '../../shared/model/board';
import { readScenarios, scenariosMap } from '../../shared/model/scenario';
import { facilitationMap, readFacilitation, readTimer } from '../../shared/model/facilitation';
import { readRounds, votesMap } from '../../shared/model/vote';
import { estimatesMap, readEstimates } from '../../shared/model/estimate';
import { privateRoundsMap, readPrivateRounds } from '../../shared/model/privateRound';
import { useBoard } from './boardStore';

/**
 * The only code that reads Y.Doc events: turns them into snapshots in the board store.
 * Only the records an event touched are re-read. Returns the unbind function.
 */
export function bindBoard(doc: Y.Doc, store = useBoard): () => void {
  const elements = elementsMap(doc);
  const meta = metaMap(doc);
  const scenarios = scenariosMap(doc);
  const facilitation = facilitationMap(doc);
  const votes = votesMap(doc);
  const estimates = estimatesMap(doc);
  const privateRounds = privateRoundsMap(doc);

  const readAll = () => {
    const next: Record<string, BoardElement> = {};
    const problems: Record<string, string> = {};
    elements.forEach((m, id) => {
      const r = readElement(id, m);
      if (r.ok) next[id] = r.value;
      else problems[id] = r.error;
    });
    store.setState({
      meta: readMeta(doc),
      elements: next,
      problems,
      scenarios: readScenarios(doc),
      timer: readTimer(doc),
      ...readFacilitation(doc),
      rounds: readRounds(doc),
      estimates: readEstimates(doc),
      privateRounds: readPrivateRounds(doc),
    });
  };

  const onElements = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    // Per record touched, the fields that changed; null: read it whole (added, replaced, or a change nested deeper).
    const touched = new Map<string, Set<string> | null>();
    for (const ev of events) {
      if (ev.target === elements) for (const key of ev.changes.keys.keys()) touched.set(key, null);
      else if (typeof ev.path[0] === 'string') {
        const id = ev.path[0];
        // A record's own map says which of its keys changed (keysChanged: cheaper than working out `changes`).
        const keys = ev.path.length === 1 ? (ev as Partial<Y.YMapEvent<unknown>>).keysChanged : undefined;
        const fields = keys && touched.get(id) !== null ? (touched.get(id) ?? new Set<string>()) : null;
        if (fields) for (const key of keys!) fields.add(key);
        touched.set(id, fields);
      }
    }
    const { elements: prev, problems: prevProblems } = store.getState();
    const next = { ...prev };
    const problems = { ...prevProblems };
    // A record read again is set over its old one, deleted only when it is gone or bad: a delete
    // and an add for each of 500 pasted steps is work for nothing.
    for (const [id, fields] of touched) {
      const m = elements.get(id);
      const before = prev[id];
      const r = m ? (fields && before ? rereadElement(id, m, before, fields) : readElement(id, m)) : null;
      if (r?.ok) next[id] = r.value;
      else delete next[id];
      if (r && !r.ok) problems[id] = r.error;
      else if (id in problems) delete problems[id];
    }
    store.setState({ elements: next, problems });
  };
  const onMeta = () => store.setState({ meta: readMeta(doc) });
  // Scenarios are few and small: any change re-reads them all.
  const onScenarios = () => store.setState({ scenarios: readScenarios(doc) });
  const onFacilitation = () => store.setState({ timer: readTimer(doc), ...readFacilitation(doc) });
  const onVotes = () => store.setState({ rounds: readRounds(doc) });
  const onEstimates = () => store.setState({ estimates: readEstimates(doc) });
  const onPrivateRounds = () => store.setState({ privateRounds: readPrivateRounds(doc) });

  readAll();
  elements.observeDeep(onElements);
  meta.observe(onMeta);
  scenarios.observeDeep(onScenarios);
  facilitation.observe(onFacilitation);
  votes.observeDeep(onVotes);
  estimates.observeDeep(onEstimates);
  privateRounds.observeDeep(onPrivateRounds);
  return () => {
    estimates.unobserveDeep(onEstimates);
    privateRounds.unobserveDeep(onPrivateRounds);
    votes.unobserveDeep(onVotes);
    facilitation.unobserve(onFacilitation);
    elements.unobserveDeep(onElements);
    meta.unobserve(onMeta);
    scenarios.unobserveDeep(onScenarios);
  };
}
