// How many nodes the explorer draws (count store): whether the nodes waiting for a position are a few or most.
RETURN COUNT { (:Entity) } + COUNT { (:Topic) } AS nodes
