import { scratchInt32, scratchUint8 } from './scratch';

/**
 * The cycles of a graph given as CSR (node v's targets are loopTarget[loopStart[v] ..
 * loopStart[v + 1])): its strongly connected components of more than one node, found by an
 * iterative Tarjan on flat typed arrays, so maps of any size work without recursion. `cycleOf[v]`
 * is v's cycle (numbered 0..cycleCount-1 as Tarjan finishes them) or -1. O(nodes + links).
 */
export function cyclesOf(
  n: number,
  loopStart: Int32Array,
  loopTarget: Int32Array,
): { cycleOf: Int32Array; cycleCount: number } {
  const cycleOf = new Int32Array(n).fill(-1);
  let cycleCount = 0;
  if (loopTarget.length > 0) {
    const index = scratchInt32('tarjan-index', n, -1);
    const low = scratchInt32('tarjan-low', n);
    const onStack = scratchUint8('tarjan-on-stack', n);
    const stack = scratchInt32('tarjan-stack', n);
    const callNode = scratchInt32('tarjan-call-node', n);
    const callEdge = scratchInt32('tarjan-call-edge', n);
    let sp = 0;
    let counter = 0;
    for (let root = 0; root < n; root++) {
      // A node with no such link is a component of its own and never on anyone's stack.
      if (index[root] !== -1 || loopStart[root] === loopStart[root + 1]) continue;
      let csp = 0;
      index[root] = counter;
      low[root] = counter;
      counter++;
      stack[sp++] = root;
      onStack[root] = 1;
      callNode[csp] = root;
      callEdge[csp] = loopStart[root] as number;
      csp++;
      while (csp > 0) {
        const v = callNode[csp - 1] as number;
        const e = callEdge[csp - 1] as number;
        if (e < (loopStart[v + 1] as number)) {
          callEdge[csp - 1] = e + 1;
          const w = loopTarget[e] as number;
          if (index[w] === -1) {
            index[w] = counter;
            low[w] = counter;
            counter++;
            stack[sp++] = w;
            onStack[w] = 1;
            callNode[csp] = w;
            callEdge[csp] = loopStart[w] as number;
            csp++;
          } else if (onStack[w] === 1 && (index[w] as number) < (low[v] as number)) {
            low[v] = index[w] as number;
          }
        } else {
          csp--;
          if (low[v] === index[v]) {
            if (stack[sp - 1] === v) {
              sp--;
              onStack[v] = 0;
            } else {
              const id = cycleCount++;
              let w: number;
              do {
                w = stack[--sp] as number;
                onStack[w] = 0;
                cycleOf[w] = id;
              } while (w !== v);
            }
          }
          if (csp > 0) {
            const u = callNode[csp - 1] as number;
            if ((low[v] as number) < (low[u] as number)) low[u] = low[v] as number;
          }
        }
      }
    }
  }
  return { cycleOf, cycleCount };
}
