"""Connected components of a candidate graph (on the driver) and pairs within a block.

The candidate graph has one edge per blocked pair that passed its filter, so it holds O(reports x
candidates per report) edges; components are found with a union-find over them.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra  # the smaller id is the root: components are named deterministically


def components(edges: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """{root: members (sorted)} of every component with at least two members."""
    uf = UnionFind()
    for a, b in edges:
        uf.union(a, b)
    out: dict[str, list[str]] = defaultdict(list)
    for x in list(uf.parent):
        out[uf.find(x)].append(x)
    for root, members in out.items():
        if root not in members:
            members.append(root)
        members.sort()
    return dict(out)


def block_pairs(members: Sequence[str], cap: int) -> Iterable[tuple[str, str]]:
    """Pairs within one block of members in reading order; a member meets at most the ``cap`` members
    read before it (the single-machine postings keep ``cap`` entries per key), so a block costs at most
    len x cap pairs however common its key is."""
    for i, b in enumerate(members):
        for a in members[max(0, i - cap): i]:
            if a != b:
                yield (a, b) if a < b else (b, a)
