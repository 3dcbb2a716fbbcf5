/**
 * Upper bounds on the total priority any schedule can satisfy, for reporting how close a schedule is.
 * Both ignore the slot structure (which meeting goes in which slot), so they are relaxations.
 */

export interface BoundRequest {
  enterprise: number;
  presenter: number;
  weight: number;
}

export interface BoundInput {
  partyCount: number;
  /** Per party: min(capacity, number of available slots). */
  limit: number[];
  /** slots × tables: no schedule holds more meetings. */
  totalMeetings: number;
  /** Deduplicated requests whose parties share at least one slot. */
  requests: BoundRequest[];
}

function sumTop(weights: number[], k: number): number {
  if (k <= 0) return 0;
  const sorted = [...weights].sort((x, y) => y - x);
  let sum = 0;
  for (let i = 0; i < Math.min(k, sorted.length); i++) sum += sorted[i];
  return sum;
}

/**
 * Per-party capacity bound: each meeting is counted once on the enterprise side and once on the
 * presenter side, each party holds at most `limit` meetings, and the room holds at most slots × tables.
 */
export function capacityBound(input: BoundInput): number {
  const byEnterprise = new Map<number, number[]>();
  const byPresenter = new Map<number, number[]>();
  for (const r of input.requests) {
    (byEnterprise.get(r.enterprise) ?? byEnterprise.set(r.enterprise, []).get(r.enterprise)!).push(r.weight);
    (byPresenter.get(r.presenter) ?? byPresenter.set(r.presenter, []).get(r.presenter)!).push(r.weight);
  }
  let enterpriseSide = 0;
  for (const [p, ws] of byEnterprise) enterpriseSide += sumTop(ws, input.limit[p]);
  let presenterSide = 0;
  for (const [p, ws] of byPresenter) presenterSide += sumTop(ws, input.limit[p]);
  const tableSide = sumTop(
    input.requests.map((r) => r.weight),
    input.totalMeetings,
  );
  return Math.min(enterpriseSide, presenterSide, tableSide);
}

interface Edge {
  to: number;
  cap: number;
  cost: number;
  rev: number;
}

/**
 * Flow relaxation: the maximum-weight bipartite b-matching (enterprises and presenters with their
 * limits, each pair at most once, at most slots × tables meetings), solved exactly as a min-cost flow
 * with successive shortest paths. Bipartite b-matching polytopes are integral, so this equals the LP bound.
 */
export function flowBound(input: BoundInput): number {
  const enterprises = [...new Set(input.requests.map((r) => r.enterprise))];
  const presenters = [...new Set(input.requests.map((r) => r.presenter))];
  const eNode = new Map<number, number>();
  const pNode = new Map<number, number>();
  const source = 0;
  const hub = 1;
  let n = 2;
  for (const e of enterprises) eNode.set(e, n++);
  for (const p of presenters) pNode.set(p, n++);
  const sink = n++;
  const graph: Edge[][] = Array.from({ length: n }, () => []);
  const addEdge = (u: number, v: number, cap: number, cost: number): void => {
    graph[u].push({ to: v, cap, cost, rev: graph[v].length });
    graph[v].push({ to: u, cap: 0, cost: -cost, rev: graph[u].length - 1 });
  };
  addEdge(source, hub, input.totalMeetings, 0);
  for (const e of enterprises) addEdge(hub, eNode.get(e)!, input.limit[e], 0);
  for (const r of input.requests) addEdge(eNode.get(r.enterprise)!, pNode.get(r.presenter)!, 1, -r.weight);
  for (const p of presenters) addEdge(pNode.get(p)!, sink, input.limit[p], 0);

  const EPS = 1e-9;
  let total = 0;
  const dist = new Float64Array(n);
  const inQueue = new Uint8Array(n);
  const prevNode = new Int32Array(n);
  const prevEdge = new Int32Array(n);
  for (;;) {
    // SPFA: costs are negative on request edges, so Dijkstra would need potentials; SPFA is simple and fast here.
    dist.fill(Infinity);
    prevNode.fill(-1);
    dist[source] = 0;
    const queue: number[] = [source];
    inQueue.fill(0);
    inQueue[source] = 1;
    for (let head = 0; head < queue.length; head++) {
      const u = queue[head];
      inQueue[u] = 0;
      const edges = graph[u];
      for (let i = 0; i < edges.length; i++) {
        const ed = edges[i];
        if (ed.cap <= 0) continue;
        const nd = dist[u] + ed.cost;
        if (nd < dist[ed.to] - EPS) {
          dist[ed.to] = nd;
          prevNode[ed.to] = u;
          prevEdge[ed.to] = i;
          if (!inQueue[ed.to]) {
            inQueue[ed.to] = 1;
            queue.push(ed.to);
          }
        }
      }
    }
    // Stop when no augmenting path improves the weight: every further unit of flow costs weight.
    if (!Number.isFinite(dist[sink]) || dist[sink] >= -EPS) break;
    let push = Infinity;
    for (let v = sink; v !== source; v = prevNode[v]) push = Math.min(push, graph[prevNode[v]][prevEdge[v]].cap);
    for (let v = sink; v !== source; v = prevNode[v]) {
      const ed = graph[prevNode[v]][prevEdge[v]];
      ed.cap -= push;
      graph[v][ed.rev].cap += push;
    }
    total += -dist[sink] * push;
  }
  return total;
}
