import neo4j from "neo4j-driver";
import { cypher } from "../src/store/cypher.ts";
import { connect } from "../src/store/driver.ts";
import { storeDerived } from "../src/store/schema.ts";
import { createReadDriver, type Neo4jConnection } from "../src/store/read/driver.ts";

/** Bench data only (the explorer bench): a synthetic graph of `nodes` entities and `edges` facts, ids "bench:*". */
const query = (name: string) => cypher(`bench/${name}`);

const TYPES = ["Person", "Organization", "Country", "Proposal", "Meeting", "Place"];
const RELATIONS = ["MET_WITH", "SUPPORTED", "OPPOSED", "PROPOSED", "REJECTED", "ATTENDED", "URGED", "MEMBER_OF"];

async function runAutoCommit(connection: Neo4jConnection, text: string, params: Record<string, unknown>): Promise<void> {
  const driver = createReadDriver(connection);
  // CALL ... IN TRANSACTIONS needs an auto-commit transaction, hence session.run.
  const session = driver.session({ database: connection.database, defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.run(text, params);
  } finally {
    await session.close();
    await driver.close();
  }
}

export async function loadSyntheticGraph(connection: Neo4jConnection, nodes: number, edges: number): Promise<void> {
  await removeSyntheticGraph(connection);
  await runAutoCommit(connection, query("explorer-synthetic-nodes"), { count: neo4j.int(nodes), types: TYPES });
  await runAutoCommit(connection, query("explorer-synthetic-edges"), {
    count: neo4j.int(edges),
    nodes: neo4j.int(nodes),
    relTypes: RELATIONS,
  });
  // Written by hand, not by the write path: store what it would keep (each node's degree, the layout's to-do flag).
  const store = await connect({ ...connection });
  try {
    await storeDerived(store, { all: true });
  } finally {
    await store.close();
  }
}

export async function removeSyntheticGraph(connection: Neo4jConnection): Promise<void> {
  await runAutoCommit(connection, query("explorer-synthetic-remove"), {});
}
