package dev.migrate.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds one cycle in each strongly connected component of a graph given as adjacency arrays.
 * Iterative (Tarjan's algorithm with an explicit stack), so a 10,000-long chain cannot overflow
 * the call stack.
 */
final class Cycles {

    private Cycles() {
    }

    /**
     * One cycle per component that has one, as the nodes along it: it starts at the component's
     * smallest node, each node has an edge to the next, and the last has an edge back to the first.
     * Cycles are sorted by their first node.
     */
    static List<int[]> find(int[][] edges) {
        int n = edges.length;
        int[] order = new int[n];
        Arrays.fill(order, -1);
        int[] low = new int[n];
        int[] component = new int[n];
        Arrays.fill(component, -1);
        boolean[] onStack = new boolean[n];
        int[] stack = new int[n];
        int stackSize = 0;
        int[] calls = new int[n];
        int[] nextEdge = new int[n];
        int counter = 0;
        int components = 0;
        List<int[]> cycles = new ArrayList<>();
        int[] predecessor = new int[n];

        for (int root = 0; root < n; root++) {
            if (order[root] != -1) {
                continue;
            }
            int depth = 0;
            order[root] = low[root] = counter++;
            stack[stackSize++] = root;
            onStack[root] = true;
            calls[depth++] = root;
            while (depth > 0) {
                int v = calls[depth - 1];
                if (nextEdge[v] < edges[v].length) {
                    int w = edges[v][nextEdge[v]++];
                    if (order[w] == -1) {
                        order[w] = low[w] = counter++;
                        stack[stackSize++] = w;
                        onStack[w] = true;
                        calls[depth++] = w;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], order[w]);
                    }
                    continue;
                }
                depth--;
                if (depth > 0) {
                    int caller = calls[depth - 1];
                    low[caller] = Math.min(low[caller], low[v]);
                }
                if (low[v] == order[v]) {
                    int smallest = Integer.MAX_VALUE;
                    int size = 0;
                    int w;
                    do {
                        w = stack[--stackSize];
                        onStack[w] = false;
                        component[w] = components;
                        smallest = Math.min(smallest, w);
                        size++;
                    } while (w != v);
                    if (size > 1 || hasEdge(edges, v, v)) {
                        cycles.add(cycleThrough(smallest, edges, component, predecessor));
                    }
                    components++;
                }
            }
        }
        cycles.sort((a, b) -> Integer.compare(a[0], b[0]));
        return cycles;
    }

    private static boolean hasEdge(int[][] edges, int from, int to) {
        for (int w : edges[from]) {
            if (w == to) {
                return true;
            }
        }
        return false;
    }

    /**
     * The shortest cycle through {@code start} inside its component, found breadth first. Each
     * node belongs to one component, so {@code predecessor} needs no reset between components.
     */
    private static int[] cycleThrough(int start, int[][] edges, int[] component, int[] predecessor) {
        int home = component[start];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        predecessor[start] = -1;
        Set<Integer> visited = new HashSet<>();
        visited.add(start);
        while (!queue.isEmpty()) {
            int v = queue.poll();
            for (int w : edges[v]) {
                if (w == start) {
                    return path(start, v, predecessor);
                }
                if (component[w] == home && visited.add(w)) {
                    predecessor[w] = v;
                    queue.add(w);
                }
            }
        }
        throw new IllegalStateException("a strongly connected component without a cycle through " + start);
    }

    private static int[] path(int start, int last, int[] predecessor) {
        ArrayDeque<Integer> nodes = new ArrayDeque<>();
        for (int v = last; v != start; v = predecessor[v]) {
            nodes.addFirst(v);
        }
        nodes.addFirst(start);
        return nodes.stream().mapToInt(Integer::intValue).toArray();
    }
}
